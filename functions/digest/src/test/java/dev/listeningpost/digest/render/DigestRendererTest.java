package dev.listeningpost.digest.render;

import static dev.listeningpost.digest.Items.ADA;
import static dev.listeningpost.digest.Items.STAFF;
import static dev.listeningpost.digest.Items.post;
import static dev.listeningpost.digest.Items.reply;
import static dev.listeningpost.digest.Items.withSentiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.DigestCalculator;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DigestRendererTest {
  private static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", ZoneId.of("Europe/Paris"));
  private static final Instant NOW = W47.end().plus(Duration.ofHours(7));
  private final DigestRenderer renderer = new DigestRenderer();

  private static Digest digest(List<Feedback> items, List<Feedback> previous) {
    return new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE)
        .calculate(new PeriodFeedback(W47, items, previous, List.of(), NOW));
  }

  private static Instant at(long minutes) {
    return W47.start().plus(Duration.ofMinutes(minutes));
  }

  @Test
  void subjectCarriesWeekVolumeAndNetSentiment() {
    List<Feedback> items = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      String label = i < 50 ? "positive" : i < 123 ? "neutral" : "negative";
      items.add(withSentiment(post("s" + i, ADA, at(i), "msg " + i), null, label, null));
    }
    // (50 - 5) / 128 = 0.3516
    assertEquals("Listening Post \u2014 week 2026-W47: 128 messages, net sentiment +0.35",
        renderer.render(digest(items, List.of())).subject());
    assertEquals("Listening Post \u2014 week 2026-W47: 1 message",
        renderer.render(digest(List.of(post("x", ADA, at(1), "x")), List.of())).subject());
  }

  @Test
  void escapesFeedbackAndLinksEveryQuoteToItsPermalink() {
    Feedback evil = post("1", ADA, at(1), "<script>alert('x')</script> & <b>bold</b> \"quoted\"");
    Feedback badLink = post("2", ADA, at(2), "has a javascript link").toBuilder()
        .permalink("javascript:alert(1)").build();
    Feedback staffPost = post("3", STAFF, at(3), "Release notes");
    Feedback answer = reply("4", ADA, at(4), "Thanks!", staffPost);
    Digest d = digest(List.of(evil, badLink, staffPost, answer), List.of());
    RenderedDigest r = renderer.render(d);

    assertFalse(r.html().contains("<script>"), "raw script tag in HTML");
    assertTrue(r.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;"));
    assertFalse(r.html().contains("javascript:"), "unsafe link rendered");
    for (Quote q : d.quotes()) {
      if (q.permalink().startsWith("https:")) {
        assertTrue(r.html().contains("href=\"" + q.permalink() + "\""), "HTML links " + q.permalink());
        assertTrue(r.text().contains(q.permalink()), "text links " + q.permalink());
      }
    }
    assertTrue(r.html().contains("href=\"" + staffPost.permalink() + "\""), "what-worked quote linked");
    // The text part is real content, not empty or HTML.
    assertTrue(r.text().contains("<script>alert('x')</script>"), "text part carries the message verbatim");
    assertTrue(r.text().contains("Messages: 4"));
    assertFalse(r.text().contains("<table"));
  }

  @Test
  void emailSafeMarkup() {
    List<Feedback> items = List.of(withSentiment(post("1", ADA, at(1), "ok #launch"), 0.5, "positive", "t1"));
    String html = renderer.render(digest(items, List.of())).html();
    assertFalse(Pattern.compile("<(script|style|link|img|iframe|object|svg)\\b", Pattern.CASE_INSENSITIVE)
        .matcher(html).find(), "no scripts, stylesheets, images or embeds");
    assertFalse(html.contains("class=\""), "inline CSS only");
    assertFalse(html.contains("@font-face") || html.contains("url("), "no external fonts or resources");
    assertTrue(html.contains("Theme t1"), "a theme without a label is shown by id");
  }

  @Test
  void themesSayGrowingOnlyWithTheRuleAndNameTheFastestRiser() {
    List<Feedback> items = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Feedback.Author a = new Feedback.Author("U" + i, "u" + i, null, false);
      items.add(withSentiment(post("m" + i, a, at(i), "msg " + i), -0.2, "negative", i < 40 ? "t-bags" : "t-late"));
    }
    PeriodCounts usual = new PeriodCounts(100, java.util.Map.of("t-bags", 10L, "t-late", 90L));
    Digest d = new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE)
        .calculate(new PeriodFeedback(W47, items, List.of(), List.of(), NOW, List.of(usual, usual, usual, usual)));
    RenderedDigest r = renderer.render(d);
    assertTrue(r.text().contains("Theme t-bags: 40 (growing, 40.0% vs 10.0% usually"), r.text());
    assertTrue(r.text().contains("Fastest riser: Theme t-bags"), r.text());
    assertTrue(r.text().contains("Theme t-late: 60 (fading, 60.0% vs 90.0% usually"), r.text());
    assertTrue(r.html().contains("Fastest riser: Theme t-bags"));
    assertTrue(r.html().contains("40.0% of customer messages, usually 10.0%; net sentiment"), r.html());
  }

  @Test
  void manyItemsStayUnderGmailsClipAndQuotesAreCapped() {
    List<Feedback> items = new ArrayList<>();
    List<Feedback> previous = new ArrayList<>();
    String worst = "<&>\"' ".repeat(100); // every character escapes to several
    for (int i = 0; i < 5000; i++) {
      Feedback.Author member = new Feedback.Author("U" + (i % 300), "user" + (i % 300),
          "Member With A Long Display Name " + (i % 300), false);
      Feedback f = post("m" + i, member, at(i % 10_000), worst + " #tag" + (i % 40) + " #campaign" + (i % 7))
          .toBuilder().permalink("https://example.slack.com/archives/C0123456789/p" + (1_700_000_000_000_000L + i)
              + "?thread_ts=" + i + "&cid=C0123456789").build();
      items.add(withSentiment(f, (i % 5 - 2) / 2.0, null, "theme-" + (i % 60)));
      if (i % 3 == 0) {
        previous.add(post("p" + i, member, at(-1 - i), "old"));
      }
    }
    RenderedDigest r = renderer.render(digest(items, previous));
    int bytes = r.html().getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes < 102 * 1024, "HTML is " + bytes + " bytes");
    assertTrue(bytes <= DigestRenderer.HTML_BUDGET_BYTES, "HTML is " + bytes + " bytes");
    assertTrue(r.text().getBytes(StandardCharsets.UTF_8).length < 102 * 1024);
    assertTrue(r.subject().contains("5000 messages"));
    long quoteLinks = Pattern.compile(">view</a>").matcher(r.html()).results().count();
    assertTrue(quoteLinks > 0 && quoteLinks <= 60, quoteLinks + " quotes");
  }

  @Test
  void emptyWeekStillRendersSomethingUseful() {
    RenderedDigest r = renderer.render(digest(List.of(), List.of()));
    assertEquals("Listening Post \u2014 week 2026-W47: 0 messages", r.subject());
    assertTrue(r.html().contains("No feedback arrived"));
    assertTrue(r.text().contains("Messages: 0"));
  }
}
