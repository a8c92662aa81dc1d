package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsSectionTest {
  private final ChartsSection section = new ChartsSection();
  private final ChartsSection.Model m = section.compute(SeededWeek.data()).orElseThrow();

  @Test
  void eightWeeksOfVolumeSentimentCommunityAndTopThemes() {
    assertEquals(List.of("Customer messages", "Net sentiment", "Member-to-member share of replies", "Theme: Billing",
        "Theme: Login"), m.series().stream().map(ChartsSection.Series::title).toList());
    ChartsSection.Series volume = m.series().get(0);
    assertEquals(8, volume.values().size());
    assertEquals("2026-W40", volume.weeks().get(0));
    assertEquals(List.of(29.0, 29.0, 29.0, 29.0, 29.0, 30.0, 30.0, 33.0), volume.values());
    assertEquals(List.of(2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 14.0), m.series().get(3).values());
  }

  @Test
  void everyNumberIsTextNextToItsBarAndThereAreNoImages() {
    StringBuilder html = new StringBuilder();
    section.html(m, Detail.FULL, html);
    String h = html.toString();
    assertFalse(Pattern.compile("<img|url\\(", Pattern.CASE_INSENSITIVE).matcher(h).find());
    assertTrue(h.contains(">33<div"), "the number sits above its bar");
    assertTrue(h.contains(">-0.33<div"), h);
    assertTrue(h.contains(">W47</td>"));
    StringBuilder text = new StringBuilder();
    section.text(m, Detail.FULL, text);
    assertTrue(text.toString().contains("Customer messages: W40 29, W41 29"), text.toString());
  }

  @Test
  void noHistoryNoCharts() {
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, SeededWeek.items(), List.of(), SeededWeek.NOW,
        List.of()), SeededWeek.OPTIONS, ThemeLabels.NONE, CustomerVoice.STAFF_ONLY, ThemeTrends.DEFAULT);
    assertTrue(section.compute(d).isEmpty());
  }
}
