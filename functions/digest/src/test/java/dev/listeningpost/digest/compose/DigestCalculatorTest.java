package dev.listeningpost.digest.compose;

import static dev.listeningpost.digest.Items.ADA;
import static dev.listeningpost.digest.Items.GRACE;
import static dev.listeningpost.digest.Items.STAFF;
import static dev.listeningpost.digest.Items.post;
import static dev.listeningpost.digest.Items.reply;
import static dev.listeningpost.digest.Items.withSentiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.trends.TrendStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestCalculatorTest {
  private static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", ZoneOffset.UTC);
  private static final Instant MON = W47.start();
  private static final Instant NOW = W47.end().plus(Duration.ofHours(6));

  private static Instant at(int hours) {
    return MON.plus(Duration.ofHours(hours));
  }

  private static Digest digest(List<Feedback> items, List<Feedback> previous, List<Feedback> after) {
    return new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE)
        .calculate(new PeriodFeedback(W47, items, previous, after, NOW));
  }

  @Test
  void withoutAnalysisSentimentIsAbsentNotZero() {
    Digest d = digest(List.of(post("1", ADA, at(1), "hello")), List.of(), List.of());
    assertEquals(Digest.Sentiment.NONE, d.sentiment());
    assertNull(d.sentiment().net());
    assertNull(d.counts().netSentiment());
    assertTrue(d.themes().isEmpty());
  }

  @Test
  void netSentimentUsesLabelsAndFallsBackToScores() {
    List<Feedback> items = List.of(
        withSentiment(post("1", ADA, at(1), "love it"), 0.8, "positive", null),
        withSentiment(post("2", ADA, at(2), "great"), 0.6, null, null),         // score only: positive
        withSentiment(post("3", GRACE, at(3), "broken"), -0.7, "NEGATIVE", null),
        withSentiment(post("4", GRACE, at(4), "ok"), null, "neutral", null),      // label only
        post("5", GRACE, at(5), "not analyzed yet"));
    Digest.Sentiment s = digest(items, List.of(), List.of()).sentiment();
    assertEquals(4, s.analyzed());
    assertEquals(2, s.positive());
    assertEquals(1, s.neutral());
    assertEquals(1, s.negative());
    assertEquals(0.25, s.net(), 1e-9);
    assertEquals((0.8 + 0.6 - 0.7) / 3, s.average(), 1e-9);
  }

  @Test
  void volumeTrendAndChannelMix() {
    List<Feedback> items = List.of(post("1", ADA, at(1), "a"), post("github", "g1", GRACE, at(2), "b"),
        post("2", GRACE, at(3), "c"), post("3", ADA, at(4), "d"));
    Digest d = digest(items, List.of(post("0", ADA, at(-30), "old"), post("00", ADA, at(-40), "old")), List.of());
    assertEquals(4, d.volume().total());
    assertEquals(2, d.volume().previousTotal());
    assertEquals(1.0, d.volume().change(), 1e-9);
    // Identities are per channel: Grace on GitHub and on Slack are two authors.
    assertEquals(3, d.volume().authors());
    assertEquals(List.of("slack", "github"), d.channels().stream().map(Digest.Share::label).toList());
    assertEquals(0.75, d.channels().get(0).fraction(), 1e-9);
  }

  @Test
  void communityCountsMemberAndStaffReplies() {
    Feedback question = post("1", ADA, at(1), "how do I export?");
    Feedback staffPost = post("2", STAFF, at(2), "We shipped dark mode #launch");
    List<Feedback> items = List.of(question, staffPost,
        reply("3", GRACE, at(3), "Settings > Export", question),     // member helps member
        reply("4", STAFF, at(4), "Docs: ...", question),              // staff answers
        reply("5", ADA, at(5), "Finally!", staffPost),                // member answers staff
        reply("6", GRACE, at(6), "Love it", staffPost));
    Digest d = digest(items, List.of(), List.of());
    assertEquals(4, d.community().replies());
    assertEquals(3, d.community().memberReplies());
    assertEquals(1, d.community().staffReplies());
    assertEquals(1, d.community().membersHelpingMembers());
    assertEquals(0.75, d.community().memberShare(), 1e-9);
    assertEquals(2, d.volume().posts());
    // What worked: the staff post drew two member replies.
    assertEquals(1, d.whatWorked().size());
    assertEquals(2, d.whatWorked().get(0).memberReplies());
    assertEquals("launch", d.hashtags().get(0).label());
    // Latest quotes are the members' voice, newest first.
    assertEquals(List.of("Love it", "Finally!", "Settings > Export", "how do I export?"),
        d.quotes().stream().map(Quote::text).toList());
    // Advocates: Grace answered others twice.
    assertEquals("Grace Hopper", d.advocates().get(0).name());
    assertEquals(2, d.advocates().get(0).repliesToOthers());
  }

  @Test
  void unansweredAreMemberMessagesWithoutAReplyFromSomeoneElsePastTheSla() {
    Feedback ignored = post("1", ADA, at(1), "anyone there?");
    Feedback selfBump = post("2", GRACE, at(2), "export fails");
    Feedback answeredLater = post("3", ADA, at(160), "late sunday question");
    Feedback recent = post("4", GRACE, W47.end().minus(Duration.ofHours(1)), "too recent to count");
    Feedback staffQuestion = post("5", STAFF, at(5), "staff post nobody answered");
    List<Feedback> items = List.of(ignored, selfBump, reply("2b", GRACE, at(3), "bump", selfBump),
        answeredLater, recent, staffQuestion);
    // The answer came after the period ended, within the reply window.
    List<Feedback> after = List.of(reply("3b", STAFF, W47.end().plus(Duration.ofHours(2)), "here you go", answeredLater));
    Digest d = digest(items, List.of(), after);
    assertEquals(List.of("anyone there?", "export fails"), d.unanswered().oldest().stream().map(Quote::text).toList());
    assertEquals(2, d.unanswered().total());
    assertEquals(2, d.counts().unanswered());
  }

  @Test
  void themesAreCustomerVoiceOnly() {
    Feedback ask = withSentiment(post("1", ADA, at(1), "the app crashes on upload"), -0.6, "negative", "t-crash");
    List<Feedback> items = List.of(ask,
        withSentiment(post("2", GRACE, at(2), "crashes when I open images"), -0.5, "negative", "t-crash"),
        withSentiment(reply("3", STAFF, at(3), "sorry, which version are you on?", ask), 0.0, "neutral", "t-crash"));
    Digest.ThemeSummary crash = digest(items, List.of(), List.of()).themes().get(0);
    assertEquals(List.of("crashes when I open images", "the app crashes on upload"),
        crash.quotes().stream().map(Quote::text).toList());
    assertEquals(2, crash.count(), "the staff reply is not customer volume");
    List<Feedback> staffOnly = List.of(
        withSentiment(post("9", STAFF, at(1), "release notes are out"), 0.2, "positive", "t-notes"));
    assertTrue(digest(staffOnly, List.of(), List.of()).themes().isEmpty(), "staff items never make a theme");
  }

  @Test
  void themesGroupByThemeIdWithLabelsWhenAvailable() {
    List<Feedback> items = List.of(
        withSentiment(post("1", ADA, at(1), "export is slow"), -0.5, "negative", "t-export"),
        withSentiment(post("2", GRACE, at(2), "export times out"), -0.6, "negative", "t-export"),
        withSentiment(post("3", GRACE, at(3), "love dark mode"), 0.7, "positive", "t-dark"),
        post("4", ADA, at(4), "not themed"));
    List<Feedback> previous = List.of(withSentiment(post("0", ADA, at(-20), "export?"), 0.0, "neutral", "t-export"));
    ThemeLabels labels = ids -> Map.of("t-export", "export speed");
    Digest d = new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), labels)
        .calculate(new PeriodFeedback(W47, items, previous, List.of(), NOW));
    assertEquals(2, d.themes().size());
    Digest.ThemeSummary export = d.themes().get(0);
    assertEquals("t-export", export.themeId());
    assertEquals("export speed", export.label());
    assertEquals(2, export.count());
    assertEquals(1, export.previousCount());
    assertEquals(-1.0, export.net(), 1e-9);
    assertEquals(2, export.quotes().size());
    assertNull(d.themes().get(1).label());
    assertEquals(0, d.themes().get(1).previousCount());
  }

  /** {@code n} analysed customer posts of a theme, spread over the week. */
  private static List<Feedback> themed(String theme, int n, int from) {
    List<Feedback> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      Author a = new Author("U" + (from + i), "u" + (from + i), null, false);
      out.add(withSentiment(post(theme + (from + i), a, at((from + i) % 160), theme + " again"), -0.3, "negative",
          theme));
    }
    return out;
  }

  private static List<PeriodCounts> flatBaseline(long customers, Map<String, Long> byTheme) {
    PeriodCounts p = new PeriodCounts(customers, byTheme);
    return List.of(p, p, p, p);
  }

  @Test
  void whenEverythingGrowsFortyPercentNoThemeIsGrowing() {
    List<Feedback> items = new java.util.ArrayList<>();
    items.addAll(themed("late", 140, 0));
    items.addAll(themed("bags", 84, 1000));
    items.addAll(themed("refund", 56, 2000));
    Digest d = new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE).calculate(new PeriodFeedback(W47,
        items, List.of(), List.of(), NOW, flatBaseline(200, Map.of("late", 100L, "bags", 60L, "refund", 40L))));
    assertEquals(3, d.themes().size());
    d.themes().forEach(t -> assertEquals(TrendStatus.STEADY, t.status(), t.themeId()));
    assertTrue(d.fastestRiser().isEmpty());
  }

  @Test
  void aFourfoldShareIsGrowingAndTheFastestRiserIsShownEvenIfSmall() {
    List<Feedback> items = new java.util.ArrayList<>();
    items.addAll(themed("late", 300, 0));
    items.addAll(themed("bags", 40, 1000));
    items.addAll(themed("wifi", 2, 2000));
    ComposeOptions top1 = new ComposeOptions(DigestProperties.Digest.defaults().composeOptions().quotes(), DigestProperties.Digest.defaults().composeOptions().replySla(), 1);
    Digest d = new DigestCalculator(top1, ThemeLabels.NONE).calculate(new PeriodFeedback(W47, items, List.of(),
        List.of(), NOW, flatBaseline(342, Map.of("late", 330L, "bags", 10L, "wifi", 2L))));
    assertEquals(List.of("late", "bags"), d.themes().stream().map(Digest.ThemeSummary::themeId).toList());
    Digest.ThemeSummary bags = d.fastestRiser().orElseThrow();
    assertEquals("bags", bags.themeId());
    assertEquals(TrendStatus.GROWING, bags.status());
    assertEquals(40, bags.count());
  }

  @Test
  void mergedThemesCountForTheirHeirInTrends() {
    List<Feedback> items = themed("t-new", 10, 0);
    ThemeLabels labels = new ThemeLabels() {
      @Override
      public Map<String, String> labels(java.util.Collection<String> ids) {
        return Map.of();
      }

      @Override
      public Map<String, String> heirs(java.util.Collection<String> ids) {
        return Map.of("t-old", "t-new");
      }
    };
    Digest d = new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), labels).calculate(new PeriodFeedback(W47, items,
        List.of(), List.of(), NOW, flatBaseline(10, Map.of("t-old", 10L))));
    assertEquals(1, d.themes().size());
    assertEquals(TrendStatus.STEADY, d.themes().get(0).status(), "not new: it was t-old before the merge");
  }

  @Test
  void failingThemeLabelsOrSectionsDoNotBreakTheDigest() {
    ThemeLabels broken = ids -> {
      throw new IllegalStateException("themes table down");
    };
    SectionContributor failing = data -> {
      throw new IllegalStateException("boom");
    };
    SectionContributor extra = data -> Optional.of(new Section("x", "Extra", null,
        List.of(new Digest.Share("a", data.items().size(), 1)), List.of()));
    DigestComposer composer = new DigestComposer(null, broken, List.of(failing, extra), DigestProperties.Digest.defaults().composeOptions(),
        java.time.Clock.fixed(NOW, ZoneOffset.UTC));
    Digest d = composer.compose(new PeriodFeedback(W47,
        List.of(withSentiment(post("1", ADA, at(1), "x"), 0.1, null, "t1")), List.of(), List.of(), NOW));
    assertNull(d.themes().get(0).label());
    assertEquals(List.of("Extra"), d.extras().stream().map(Section::title).toList());
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
