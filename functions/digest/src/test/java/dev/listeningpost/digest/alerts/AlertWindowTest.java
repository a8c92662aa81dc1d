package dev.listeningpost.digest.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertWindowTest {
  @Test
  void theLastCompleteHourIsTheSameForEveryRunWithinTheNextHour() {
    AlertWindow early = AlertWindow.lastComplete(Instant.parse("2026-11-17T11:00:00Z"), Duration.ofHours(1));
    AlertWindow late = AlertWindow.lastComplete(Instant.parse("2026-11-17T11:59:59Z"), Duration.ofHours(1));

    assertEquals(new AlertWindow(Instant.parse("2026-11-17T10:00:00Z"), Instant.parse("2026-11-17T11:00:00Z")), early);
    assertEquals(early, late);
  }

  @Test
  void theBaselineIsTheWindowsJustBefore() {
    AlertWindow w = AlertWindow.lastComplete(Instant.parse("2026-11-17T11:05:00Z"), Duration.ofHours(1));

    assertEquals(new AlertWindow(Instant.parse("2026-11-16T10:00:00Z"), Instant.parse("2026-11-17T10:00:00Z")), w.before(24));
    assertEquals("2026-11-17T08:00:00Z", w.containing(Instant.parse("2026-11-17T08:59:59Z")).id());
  }
}
