package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.compose.Quote;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestSectionTest {
  private final LatestSection section = new LatestSection();
  private final LatestSection.Model m = section.compute(SeededWeek.data()).orElseThrow();

  @Test
  void newestCustomerMessagesNotQuotedElsewhere() {
    // Not themed (billing, login), not waiting (Ada, Lin, Max), not staff or the brand; answered questions are in.
    assertEquals(List.of("Great community here", "Love the export feature", "Thanks, love the new dashboard!",
        "Yes: Settings > Appearance", "Is there a dark mode? #darkmode", "How do I reset my password?",
        "Can I export to CSV?"), m.quotes().stream().map(Quote::text).toList());
  }

  @Test
  void rendersDatesAndLinks() {
    StringBuilder text = new StringBuilder();
    section.text(m, Detail.FULL, text);
    assertTrue(text.toString().contains("Fay Forum, forum, 2026-11-20 09:00 UTC: https://"), text.toString());
  }
}
