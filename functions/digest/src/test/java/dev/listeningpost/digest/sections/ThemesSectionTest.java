package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.Items;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.trends.TrendStatus;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemesSectionTest {
  private final ThemesSection section = new ThemesSection();
  private final ThemesSection.Model m = section.compute(SeededWeek.data()).orElseThrow();

  @Test
  void rankedByVolumeWithLabelsShareAndChannels() {
    assertEquals(List.of("Billing", "Login"), m.ranked().stream().map(ThemesSection.Row::label).toList());
    ThemesSection.Row billing = m.ranked().get(0);
    assertEquals(14, billing.volume());
    assertEquals(14 / 33.0, billing.share(), 1e-9);
    assertEquals(List.of("slack"), billing.channels());
  }

  @Test
  void badgesOnlyWhereTheTrendTestSaysSo() {
    assertEquals(TrendStatus.GROWING, m.ranked().get(0).badge());
    assertTrue(m.ranked().get(0).fastestRiser());
    assertNull(m.ranked().get(1).badge(), "login holds its share: no badge");
    assertEquals(List.of("Billing"), m.moving().stream().map(ThemesSection.Row::label).toList());
  }

  @Test
  void sentimentIsTheReadApisMeanScoreAndTheEffectOnNetIsWithoutMinusWith() {
    ThemesSection.Row billing = m.ranked().get(0);
    // Max's question is neutral (0.0), Lin and the 12 replies negative (-0.6).
    assertEquals(13 * -0.6 / 14, billing.sentiment(), 1e-9);
    double with = (3 - 14) / 33.0;
    double without = (3 - 1) / 19.0;
    assertEquals(without - with, billing.netEffect(), 1e-9);
  }

  @Test
  void quotesAreCustomerMessagesOfTheMajorityPolarityLinkedToTheirSource() {
    List<Quote> quotes = m.ranked().get(0).quotes();
    assertEquals(3, quotes.size());
    quotes.forEach(q -> {
      assertEquals("negative", q.sentiment());
      assertTrue(q.permalink().startsWith("https://"));
      assertTrue(!q.staff());
    });
    assertEquals(3, quotes.stream().map(Quote::author).distinct().count(), "one quote per author");
  }

  @Test
  void noBadgesInAFirstWeekWithoutHistory() {
    List<Feedback> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(Items.withSentiment(Items.post("a" + i, SeededWeek.member("A" + i, "a" + i, "A" + i),
          SeededWeek.at(1, i), "crash " + i), -0.5, "negative", "t-crash"));
    }
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, items, List.of(), SeededWeek.NOW, List.of()),
        SeededWeek.OPTIONS, ThemeLabels.NONE, CustomerVoice.STAFF_ONLY, ThemeTrends.DEFAULT);
    ThemesSection.Model first = section.compute(d).orElseThrow();
    assertNull(first.ranked().get(0).badge(), "new against nothing is not news");
    assertTrue(first.moving().isEmpty());
    assertEquals("Theme t-crash", first.ranked().get(0).label());
  }

  @Test
  void aThemeThatGrowsWithTheTotalIsSteady() {
    List<Feedback> items = new ArrayList<>();
    for (int i = 0; i < 140; i++) {
      items.add(Items.withSentiment(Items.post("l" + i, SeededWeek.member("L" + i, "l" + i, "L" + i),
          SeededWeek.at(1, i % 100), "late " + i), -0.3, "negative", i < 84 ? "late" : "bags"));
    }
    PeriodSummary usual = new PeriodSummary("w", 100, Set.of(), 0, 0, 0, 0, 0, Map.of(),
        new PeriodCounts(100, Map.of("late", 60L, "bags", 40L)));
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, items, List.of(), SeededWeek.NOW,
        List.of(usual, usual, usual, usual)), SeededWeek.OPTIONS, ThemeLabels.NONE, CustomerVoice.STAFF_ONLY,
        ThemeTrends.DEFAULT);
    ThemesSection.Model busy = section.compute(d).orElseThrow();
    busy.ranked().forEach(r -> assertNull(r.badge(), r.label()));
    assertTrue(busy.moving().isEmpty());
  }

  @Test
  void rendersLabelsBadgesAndNumbers() {
    StringBuilder html = new StringBuilder();
    section.html(m, Detail.FULL, html);
    StringBuilder text = new StringBuilder();
    section.text(m, Detail.FULL, text);
    assertTrue(text.toString().contains("Billing [growing]: 14 (42.4% of customer messages, usually 6.8%;"), text.toString());
    assertTrue(text.toString().contains("Moving:"));
    assertTrue(html.toString().contains(">growing</span>"));
    assertTrue(html.toString().contains("Too expensive now"));
  }
}
