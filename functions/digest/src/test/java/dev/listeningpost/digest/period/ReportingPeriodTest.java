package dev.listeningpost.digest.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

  @Test
  void parsesAndFormatsIsoWeekIds() {
    ReportingPeriod p = ReportingPeriod.parse("2026-W47", ZoneOffset.UTC);
    assertEquals(2026, p.weekBasedYear());
    assertEquals(47, p.week());
    assertEquals("2026-W47", p.id());
    assertEquals("2026-W47", p.toString());
    assertEquals("2027-W05", ReportingPeriod.parse("2027-W05", ZoneOffset.UTC).id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-47", "2026-W7", "2026-W00", "2026-W54", "2027-W53", "W47", ""})
  void rejectsWeeksThatDoNotExist(String id) {
    assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse(id, ZoneOffset.UTC));
  }

  @Test
  void weekStartsAtMondayMidnightInTheConfiguredZone() {
    ReportingPeriod la = ReportingPeriod.parse("2026-W47", LA);
    assertEquals(LocalDate.of(2026, 11, 16), la.firstDay());
    assertEquals(LocalDate.of(2026, 11, 22), la.lastDay());
    assertEquals(Instant.parse("2026-11-16T08:00:00Z"), la.start()); // PST, UTC-8
    assertEquals(Instant.parse("2026-11-23T08:00:00Z"), la.end());

    ReportingPeriod akl = ReportingPeriod.parse("2026-W47", AUCKLAND);
    assertEquals(Instant.parse("2026-11-15T11:00:00Z"), akl.start()); // NZDT, UTC+13
    assertEquals(Instant.parse("2026-11-22T11:00:00Z"), akl.end());

    assertTrue(la.contains(Instant.parse("2026-11-16T08:00:00Z")));
    assertFalse(la.contains(Instant.parse("2026-11-16T07:59:59.999Z")));
    assertFalse(la.contains(la.end()));
  }

  @Test
  void weeksAcrossDaylightSavingChangesAreNotSevenTimesTwentyFourHours() {
    // US clocks fall back on Sunday 1 November 2026: that week has 169 hours.
    ReportingPeriod fallBack = ReportingPeriod.parse("2026-W44", LA);
    assertEquals(Duration.ofHours(169), Duration.between(fallBack.start(), fallBack.end()));
    // New Zealand springs forward on Sunday 27 September 2026: 167 hours.
    ReportingPeriod springForward = ReportingPeriod.parse("2026-W39", AUCKLAND);
    assertEquals(Duration.ofHours(167), Duration.between(springForward.start(), springForward.end()));
    assertEquals(fallBack.end(), fallBack.next().start());
  }

  @Test
  void yearBoundary() {
    ReportingPeriod w53 = ReportingPeriod.parse("2026-W53", AUCKLAND);
    assertEquals(53, ReportingPeriod.weeksIn(2026));
    assertEquals(52, ReportingPeriod.weeksIn(2027));
    assertEquals(LocalDate.of(2026, 12, 28), w53.firstDay());
    assertEquals(LocalDate.of(2027, 1, 3), w53.lastDay());
    assertEquals("2027-W01", w53.next().id());
    assertEquals("2026-W53", ReportingPeriod.parse("2027-W01", AUCKLAND).previous().id());
    assertEquals(w53.end(), w53.next().start());
    // 1 January 2027 belongs to 2026-W53.
    assertEquals("2026-W53", ReportingPeriod.of(LocalDate.of(2027, 1, 1), AUCKLAND).id());
    // 29 December 2025 belongs to 2026-W01.
    assertEquals("2026-W01", ReportingPeriod.of(LocalDate.of(2025, 12, 29), LA).id());
    assertEquals("2025-W52", ReportingPeriod.parse("2026-W01", LA).previous().id());
  }

  @Test
  void lastCompleteWeekDependsOnTheZone() {
    // Monday 23 November 2026, 06:00 UTC.
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);
    assertEquals("2026-W47", ReportingPeriod.lastCompleteWeek(clock, ZoneOffset.UTC).id());
    // Still Sunday evening in Los Angeles: week 47 has not ended there.
    assertEquals("2026-W46", ReportingPeriod.lastCompleteWeek(clock, LA).id());
    // Monday evening in Auckland.
    assertEquals("2026-W47", ReportingPeriod.lastCompleteWeek(clock, AUCKLAND).id());
    // Exactly at the boundary the week just ended is complete.
    Clock boundary = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    assertEquals("2026-W47", ReportingPeriod.lastCompleteWeek(boundary, LA).id());
  }

  @Test
  void ordersByStart() {
    assertTrue(ReportingPeriod.parse("2026-W53", LA).compareTo(ReportingPeriod.parse("2027-W01", LA)) < 0);
  }
}
