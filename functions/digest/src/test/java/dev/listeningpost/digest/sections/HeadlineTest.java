package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.Items;
import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineTest {
  private final Headline h = Headline.of(SeededWeek.data());

  @Test
  void countsCustomersOnlyWithTheirChange() {
    assertEquals(33, h.messages(), "staff and the brand handle are not customers");
    assertEquals(30, h.previousMessages());
    assertEquals(30, h.people());
    assertEquals(26, h.previousPeople());
  }

  @Test
  void netSentimentAndItsChange() {
    assertEquals((3 - 14) / 33.0, h.net(), 1e-9);
    assertEquals(15 / 30.0, h.previousNet(), 1e-9);
    assertEquals(33, h.analyzed());
  }

  @Test
  void responseTimesCountStaffAndMemberAnswersAndLateOnesAreNotInTime() {
    assertEquals(Duration.ofHours(2), h.medianFirstResponse(), "1 h (Grace), 2 h (staff), 60 h (late)");
    assertEquals(7, h.needingAnswer());
    assertEquals(2, h.answeredInTime());
    assertEquals(2 / 7.0, h.answeredInTimeShare(), 1e-9);
    assertEquals(4, h.waiting());
  }

  @Test
  void theSentenceNamesTheFastestRiser() {
    assertEquals("\u201cBilling\u201d is rising fastest: 14 messages, 42.4% of customer messages vs 6.8% usually.",
        h.sentence());
  }

  @Test
  void withoutARiserTheSentenceNamesASentimentSwing() {
    List<Feedback> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Feedback f = Items.post("n" + i, SeededWeek.member("N" + i, "n" + i, "N" + i), SeededWeek.at(1, i), "meh " + i);
      items.add(Items.withSentiment(f, -0.5, i < 10 ? "negative" : "neutral", null));
    }
    List<Feedback> before = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Feedback f = Items.post("b" + i, SeededWeek.member("N" + i, "n" + i, "N" + i), SeededWeek.at(-6, i), "ok " + i);
      before.add(Items.withSentiment(f, 0.5, i < 10 ? "positive" : "neutral", null));
    }
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, items, List.of(), SeededWeek.NOW,
        List.of(PeriodSummary.of(SeededWeek.W47.previous(), before, CustomerVoice.STAFF_ONLY))),
        SeededWeek.OPTIONS, ThemeLabels.NONE, CustomerVoice.STAFF_ONLY, ThemeTrends.DEFAULT);
    assertEquals("Net sentiment fell from +0.50 to -0.50 (-1.00).", Headline.of(d).sentence());
  }

  @Test
  void aFirstWeekSaysThereWasNoneBeforeOnce() {
    List<Feedback> items = List.of(
        Items.post("f1", SeededWeek.member("F1", "f1", "F1"), SeededWeek.at(1, 1), "first message"),
        Items.post("f2", SeededWeek.member("F2", "f2", "F2"), SeededWeek.at(1, 2), "second message"));
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, items, List.of(), List.of(), SeededWeek.NOW),
        new ComposeOptions(3, Duration.ofHours(48), 8), ThemeLabels.NONE, CustomerVoice.STAFF_ONLY,
        ThemeTrends.DEFAULT);
    assertEquals("2 customer messages from 2 people (none the week before).", Headline.of(d).sentence());
  }

  @Test
  void aQuietWeekSaysSo() {
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, List.of(), List.of(), List.of(), SeededWeek.NOW),
        new ComposeOptions(3, Duration.ofHours(48), 8), ThemeLabels.NONE, CustomerVoice.STAFF_ONLY,
        ThemeTrends.DEFAULT);
    Headline quiet = Headline.of(d);
    assertEquals("No customer messages this week.", quiet.sentence());
    assertNull(quiet.net());
    assertNull(quiet.answeredInTimeShare());
  }

  @Test
  void rendersEveryNumberInHtmlAndText() {
    StringBuilder html = new StringBuilder();
    h.html(html);
    StringBuilder text = new StringBuilder();
    h.text(text);
    for (String s : List.of("33", "+10% vs 30", "+15% vs 26", "-0.33", "2 h", "29% of 7 questions and complaints")) {
      assertTrue(html.toString().contains(s), s + " in " + html);
      assertTrue(text.toString().contains(s), s + " in " + text);
    }
  }
}
