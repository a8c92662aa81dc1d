package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CreatedTimesTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void theWindowIsFrom2000ToOneDayAfterReceipt() {
    assertEquals(CreatedTimes.FLOOR, CreatedTimes.orNow(CreatedTimes.FLOOR, NOW));
    assertEquals(NOW, CreatedTimes.orNow(CreatedTimes.FLOOR.minusMillis(1), NOW));
    assertEquals(NOW.plusSeconds(86_400), CreatedTimes.orNow(NOW.plusSeconds(86_400), NOW));
    assertEquals(NOW, CreatedTimes.orNow(NOW.plusSeconds(86_401), NOW));
  }

  @Test
  void aDeletionAtInstantMaxHappensNow() {
    FeedbackChange.Delete d = (FeedbackChange.Delete) CreatedTimes.clamp(new FeedbackChange.Delete("x", Instant.MAX), NOW);
    assertEquals(NOW, d.deletedAt());
  }
}
