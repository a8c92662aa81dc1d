package dev.listeningpost.digest.compose;

import static dev.listeningpost.digest.Items.ADA;
import static dev.listeningpost.digest.Items.GRACE;
import static dev.listeningpost.digest.Items.STAFF;
import static dev.listeningpost.digest.Items.post;
import static dev.listeningpost.digest.Items.withSentiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.sections.Detail;
import dev.listeningpost.digest.sections.DigestSection;
import dev.listeningpost.digest.sections.PeriodData;
import dev.listeningpost.digest.sections.Sections;
import dev.listeningpost.digest.sections.ThemesSection;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestCalculatorTest {
  private static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", ZoneOffset.UTC);
  private static final Instant NOW = W47.end().plus(Duration.ofHours(6));
  private static final ComposeOptions OPTIONS = DigestProperties.Digest.defaults().composeOptions();

  private static Instant at(int hours) {
    return W47.start().plus(Duration.ofHours(hours));
  }

  /** A section that counts items, to show a new section is one class. */
  record Count(int items) {
  }

  static class CountSection implements DigestSection<Count> {
    private final int order;

    CountSection(int order) {
      this.order = order;
    }

    @Override
    public String key() {
      return "count-" + order;
    }

    @Override
    public int order() {
      return order;
    }

    @Override
    public String title() {
      return "Count";
    }

    @Override
    public Optional<Count> compute(PeriodData data) {
      return Optional.of(new Count(data.items().size()));
    }

    @Override
    public void html(Count model, Detail detail, StringBuilder out) {
      out.append("<tr><td>").append(model.items()).append("</td></tr>");
    }

    @Override
    public void text(Count model, Detail detail, StringBuilder out) {
      out.append("  ").append(model.items()).append('\n');
    }
  }

  @Test
  void sectionsRunInOrderAndAFailingOneIsLeftOut() {
    DigestSection<Count> failing = new CountSection(5) {
      @Override
      public Optional<Count> compute(PeriodData data) {
        throw new IllegalStateException("boom");
      }
    };
    Digest d = new DigestCalculator(OPTIONS, ThemeLabels.NONE, CustomerVoice.STAFF_ONLY,
        List.of(new CountSection(20), failing, new CountSection(10)))
        .calculate(new PeriodFeedback(W47, List.of(post("1", ADA, at(1), "x")), List.of(), List.of(), NOW));
    assertEquals(List.of("count-10", "count-20"), d.sections().stream().map(s -> s.key()).toList());
    assertEquals(Optional.of(new Count(1)), d.section("count-10", Count.class));
  }

  @Test
  void netSentimentUsesLabelsAndFallsBackToScores() {
    List<Feedback> items = List.of(
        withSentiment(post("1", ADA, at(1), "love it"), 0.8, "positive", null),
        withSentiment(post("2", ADA, at(2), "great"), 0.6, null, null),         // score only: positive
        withSentiment(post("3", GRACE, at(3), "broken"), -0.7, "NEGATIVE", null),
        withSentiment(post("4", GRACE, at(4), "ok"), null, "neutral", null),      // label only
        post("5", GRACE, at(5), "not analyzed yet"));
    Digest d = new DigestCalculator(OPTIONS, ThemeLabels.NONE).calculate(
        new PeriodFeedback(W47, items, List.of(), List.of(), NOW));
    assertEquals(4, d.headline().analyzed());
    assertEquals(0.25, d.headline().net(), 1e-9);
    assertEquals(0.25, d.counts().netSentiment(), 1e-9);
    assertEquals(5, d.counts().messages());
  }

  @Test
  void withoutAnalysisSentimentIsAbsentNotZeroAndStaffNeverMakeAThemeOrAHeadline() {
    List<Feedback> items = List.of(post("1", ADA, at(1), "hello"),
        withSentiment(post("9", STAFF, at(1), "release notes are out"), 0.2, "positive", "t-notes"));
    Digest d = new DigestCalculator(OPTIONS, ThemeLabels.NONE).calculate(
        new PeriodFeedback(W47, items, List.of(), List.of(), NOW));
    assertNull(d.headline().net());
    assertNull(d.counts().netSentiment());
    assertEquals(1, d.headline().messages());
    assertTrue(d.section("themes", ThemesSection.Model.class).isEmpty());
  }

  @Test
  void brandHandlesAreNotCustomers() {
    Feedback brand = post("1", new Feedback.Author("U-B", "@AcmeHelp", "Acme", false), at(1), "we are on it");
    Digest d = new DigestCalculator(OPTIONS, ThemeLabels.NONE, CustomerVoice.of("acmehelp"), Sections.defaults())
        .calculate(new PeriodFeedback(W47, List.of(brand, post("2", ADA, at(2), "hi")), List.of(), List.of(), NOW));
    assertEquals(1, d.headline().messages());
    assertEquals(1, d.headline().people());
  }

  @Test
  void mergedThemesCountForTheirHeirAndBrokenLabelsDoNotBreakTheDigest() {
    List<Feedback> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(withSentiment(post("n" + i, new Feedback.Author("U" + i, "u" + i, null, false), at(i), "x " + i),
          -0.3, "negative", "t-new"));
    }
    ThemeLabels labels = new ThemeLabels() {
      @Override
      public Map<String, String> labels(Collection<String> ids) {
        throw new IllegalStateException("themes table down");
      }

      @Override
      public Map<String, String> heirs(Collection<String> ids) {
        return Map.of("t-old", "t-new");
      }
    };
    PeriodSummary usual = new PeriodSummary("w", 10, Set.of(), 0, 0, 0, 0, 0, Map.of(),
        new PeriodCounts(10, Map.of("t-old", 10L)));
    Digest d = new DigestCalculator(OPTIONS, labels).calculate(new PeriodFeedback(W47, items, List.of(), NOW,
        List.of(usual, usual, usual, usual)));
    ThemesSection.Row row = d.section("themes", ThemesSection.Model.class).orElseThrow().ranked().get(0);
    assertEquals("Theme t-new", row.label());
    assertNull(row.badge(), "not new: it was t-old before the merge");
  }

  @Test
  void quotesAreShortenedAtAWordBoundary() {
    String longText = "word ".repeat(200);
    Quote q = Quotes.of(post("1", ADA, at(1), longText));
    assertTrue(q.text().length() <= Quotes.MAX_CHARS, "length " + q.text().length());
    assertTrue(q.text().endsWith("word\u2026"));
    assertEquals("a b", Quotes.shorten("  a \n\t b ", 280));
  }
}
