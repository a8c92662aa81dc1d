package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.listeningpost.analyze.testing.FakeEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuoteSelectorTest {
  private final FakeEmbedder e = new FakeEmbedder();

  private Member m(String id, String text) {
    return new Member(id, text, "https://example.com/" + id, null, null, e.embed(text));
  }

  @Test
  void quotesAreNeverNearDuplicatesAndCarryTheirPermalink() {
    List<Member> ms = new ArrayList<>();
    // The most central message, re-posted with tiny changes many times (retweets, templates).
    for (int i = 0; i < 10; i++) {
      ms.add(m("dup" + i, "My flight was cancelled and I still have no refund " + (i % 2 == 0 ? "!" : "?!")));
      ms.add(m("rt" + i, "RT my flight was cancelled and i still have no refund"));
    }
    ms.add(m("x1", "The refund for my cancelled flight has not arrived after three weeks."));
    ms.add(m("x2", "Cancelled flight, and the airline refund form keeps failing."));
    ms.add(m("x3", "Still waiting on a refund, my flight was cancelled last month."));
    float[] centre = Vectors.centroid(ms.stream().map(Member::vector).toList(), FakeEmbedder.DIM);

    List<Quote> quotes = QuoteSelector.select(ms, centre, 3);

    assertEquals(3, quotes.size());
    Map<String, Member> byId = ms.stream().collect(Collectors.toMap(Member::id, x -> x));
    for (int i = 0; i < quotes.size(); i++) {
      assertEquals("https://example.com/" + quotes.get(i).itemId(), quotes.get(i).permalink());
      for (int j = i + 1; j < quotes.size(); j++) {
        Member a = byId.get(quotes.get(i).itemId());
        Member b = byId.get(quotes.get(j).itemId());
        assertFalse(QuoteSelector.nearDuplicate(a, b), a.text() + " ~ " + b.text());
      }
    }
  }

  @Test
  void aCompleteSentenceBeatsAFragmentSayingTheSame() {
    Member fragment = m("f", "refund cancelled flight");
    Member sentence = m("s", "Where is the refund for my cancelled flight?");
    float[] centre = Vectors.normalize(sumOf(fragment.vector(), sentence.vector()));
    assertEquals("s", QuoteSelector.select(List.of(fragment, sentence), centre, 1).get(0).itemId());
  }

  private static float[] sumOf(float[] a, float[] b) {
    float[] s = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      s[i] = a[i] + b[i];
    }
    return s;
  }
}
