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
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.sections.SeededWeek;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
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

  private static Digest digest(List<Feedback> items) {
    return new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE)
        .calculate(new PeriodFeedback(W47, items, List.of(), List.of(), NOW));
  }

  private static Instant at(long minutes) {
    return W47.start().plus(Duration.ofMinutes(minutes));
  }

  @Test
  void subjectCarriesWeekCustomerVolumeAndNetSentiment() {
    List<Feedback> items = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      String label = i < 50 ? "positive" : i < 123 ? "neutral" : "negative";
      items.add(withSentiment(post("s" + i, ADA, at(i), "msg " + i), null, label, null));
    }
    items.add(post("staff", STAFF, at(200), "staff never count"));
    // (50 - 5) / 128 = 0.3516
    assertEquals("Listening Post \u2014 week 2026-W47: 128 messages, net sentiment +0.35",
        renderer.render(digest(items)).subject());
    assertEquals("Listening Post \u2014 week 2026-W47: 1 message",
        renderer.render(digest(List.of(post("x", ADA, at(1), "x")))).subject());
  }

  @Test
  void escapesFeedbackAndLinksQuotesToTheirPermalink() {
    Feedback evil = post("1", ADA, at(1), "<script>alert('x')</script> & <b>bold</b> \"quoted\"?");
    Feedback badLink = post("2", ADA, at(2), "has a javascript link, why?").toBuilder()
        .permalink("javascript:alert(1)").build();
    Feedback staffPost = post("3", STAFF, at(3), "Release notes");
    Feedback answer = reply("4", ADA, at(4), "Thanks!", staffPost);
    RenderedDigest r = renderer.render(digest(List.of(evil, badLink, staffPost, answer)));

    assertFalse(r.html().contains("<script>"), "raw script tag in HTML");
    assertTrue(r.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;"));
    assertFalse(r.html().contains("javascript:"), "unsafe link rendered");
    assertTrue(r.html().contains("href=\"" + evil.permalink() + "\""), "waiting message linked");
    assertTrue(r.text().contains(evil.permalink()));
    assertTrue(r.html().contains("href=\"" + staffPost.permalink() + "\""), "what-worked quote linked");
    assertTrue(r.text().contains("<script>alert('x')</script>"), "text part carries the message verbatim");
    assertTrue(r.text().contains("Customer messages: 3"));
    assertFalse(r.text().contains("<table"));
  }

  @Test
  void textPartHasDatesAndLinksOfQuotes() {
    RenderedDigest r = renderer.render(SeededWeek.calculator().calculate(SeededWeek.feedback()));
    assertTrue(r.text().contains("2026-11-18 08:00 UTC: https://example.slack.com/archives/C1/padaq2"), r.text());
    assertTrue(r.text().contains("Mon 16 Nov 2026 - Sun 22 Nov 2026 (Z)"));
  }

  @Test
  void everySectionOfTheSeededWeekIsRenderedInOrder() {
    RenderedDigest r = renderer.render(SeededWeek.calculator().calculate(SeededWeek.feedback()));
    List<String> titles = List.of("Themes", "Waiting for an answer", "Advocates", "Community or audience",
        "Introductions worth making", "What worked", "Channels", "The last 8 weeks");
    int last = -1;
    for (String t : titles) {
      int at = r.html().indexOf(">" + t + "</h2>");
      assertTrue(at > last, t + " after the previous section");
      last = at;
      assertTrue(r.text().contains("\n" + t + "\n"), t + " in text");
    }
    assertTrue(r.html().contains("\u201cBilling\u201d is rising fastest") || r.html().contains("&ldquo;Billing"));
  }

  @Test
  void emailSafeMarkup() {
    String html = renderer.render(SeededWeek.calculator().calculate(SeededWeek.feedback())).html();
    assertFalse(Pattern.compile("<(script|style|link|img|iframe|object|svg)\\b", Pattern.CASE_INSENSITIVE)
        .matcher(html).find(), "no scripts, stylesheets, images or embeds");
    assertFalse(html.contains("class=\""), "inline CSS only");
    assertFalse(html.contains("@font-face") || html.contains("url("), "no external fonts or resources");
  }

  @Test
  void emptyWeekStillRendersSomethingUseful() {
    RenderedDigest r = renderer.render(digest(List.of()));
    assertEquals("Listening Post \u2014 week 2026-W47: 0 messages", r.subject());
    assertTrue(r.html().contains("No customer messages this week."));
    assertTrue(r.text().contains("Customer messages: 0"));
  }
}
