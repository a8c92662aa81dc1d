package dev.listeningpost.feedback.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ItemLimitsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private static Feedback item(String text) {
    return Feedback.builder().id("x").channel("github").text(text).createdAt(NOW).build();
  }

  @Test
  void anItemUnderTheBudgetIsUnchanged() {
    Feedback small = item("short");
    assertSame(small, ItemLimits.fit(small, f -> f.text().length()).item());
  }

  @Test
  void truncationCountsRemovedCharactersAndNeverSplitsASurrogatePair() {
    String text = "\ud83d\ude4f".repeat(ItemLimits.TEXT_FLOOR);
    String cut = ItemLimits.truncate(text, 0);
    String kept = cut.substring(0, cut.indexOf('…'));
    assertEquals(ItemLimits.TEXT_FLOOR / 4, kept.codePointCount(0, kept.length()), "4 UTF-8 bytes each");
    assertTrue(cut.endsWith("… [truncated, " + (ItemLimits.TEXT_FLOOR - ItemLimits.TEXT_FLOOR / 4) + " characters]"), cut.substring(kept.length()));
  }
}
