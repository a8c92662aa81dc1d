package dev.listeningpost.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Instant next(String expression, String after, ZoneId zone) {
    return ScheduleExpression.parse(expression).next(Instant.parse(after), zone).orElseThrow();
  }

  @Test
  void theDigestDefaultFiresMondayAtEightInItsTimeZone() {
    // Wednesday 2 December 2026 -> Monday 7 December, 08:00 in Paris (CET, UTC+1).
    assertEquals(Instant.parse("2026-12-07T07:00:00Z"), next("cron(0 8 ? * MON *)", "2026-12-02T12:00:00Z", PARIS));
  }

  @Test
  void theThemesDefaultFiresEveryNightAtTwoThirty() {
    assertEquals(Instant.parse("2026-12-03T02:30:00Z"), next("cron(30 2 * * ? *)", "2026-12-02T12:00:00Z", UTC));
    assertEquals(Instant.parse("2026-12-04T02:30:00Z"), next("cron(30 2 * * ? *)", "2026-12-03T02:30:00Z", UTC));
  }

  @Test
  void aTimeInTheSpringForwardGapRunsWhenTheClockJumps() {
    // 28 March 2027: Paris skips 02:00-03:00; 02:30 becomes 03:30 CEST (01:30Z), not a skipped night.
    assertEquals(Instant.parse("2027-03-28T01:30:00Z"), next("cron(30 2 * * ? *)", "2027-03-27T12:00:00Z", PARIS));
  }

  @Test
  void rangesListsAndStepsCombine() {
    String workHours = "cron(0/15 9-17 ? * MON-FRI *)";
    // Friday 17:50 -> Monday 09:00.
    assertEquals(Instant.parse("2026-12-07T09:00:00Z"), next(workHours, "2026-12-04T17:50:00Z", UTC));
    assertEquals(Instant.parse("2026-12-07T09:15:00Z"), next(workHours, "2026-12-07T09:00:00Z", UTC));
    assertEquals(Instant.parse("2026-12-02T10:00:00Z"), next("cron(0 6,10,14 * * ? *)", "2026-12-02T06:00:00Z", UTC));
  }

  @Test
  void lastDayOfTheMonth() {
    assertEquals(Instant.parse("2027-02-28T00:00:00Z"), next("cron(0 0 L * ? *)", "2027-02-10T00:00:00Z", UTC));
  }

  @Test
  void nthWeekdayOfTheMonth() {
    // The second Tuesday (3#2) of December 2026 is the 8th.
    assertEquals(Instant.parse("2026-12-08T10:00:00Z"), next("cron(0 10 ? * 3#2 *)", "2026-12-01T00:00:00Z", UTC));
  }

  @Test
  void lastWeekdayOfTheMonth() {
    // The last Friday (6L) of December 2026 is the 25th.
    assertEquals(Instant.parse("2026-12-25T10:00:00Z"), next("cron(0 10 ? * 6L *)", "2026-12-01T00:00:00Z", UTC));
  }

  @Test
  void nearestWeekdayStaysInTheMonth() {
    // 1 August 2027 is a Sunday: 1W is Monday the 2nd.
    assertEquals(Instant.parse("2027-08-02T09:00:00Z"), next("cron(0 9 1W * ? *)", "2027-07-31T00:00:00Z", UTC));
  }

  @Test
  void aYearFieldEndsTheSchedule() {
    ScheduleExpression once = ScheduleExpression.parse("cron(0 9 1 1 ? 2027)");
    assertEquals(Optional.of(Instant.parse("2027-01-01T09:00:00Z")), once.next(Instant.parse("2026-12-02T00:00:00Z"), UTC));
    assertEquals(Optional.empty(), once.next(Instant.parse("2027-01-01T09:00:00Z"), UTC));
  }

  @Test
  void aRateCountsFromItsStart() {
    ScheduleExpression.Rate rate = ((ScheduleExpression.Rate) ScheduleExpression.parse("rate(5 minutes)"))
        .anchoredAt(Instant.parse("2026-12-02T12:01:30Z"));
    assertEquals(Instant.parse("2026-12-02T12:06:30Z"), rate.next(Instant.parse("2026-12-02T12:01:30Z"), UTC).orElseThrow());
    assertEquals(Instant.parse("2026-12-02T12:11:30Z"), rate.next(Instant.parse("2026-12-02T12:06:30Z"), UTC).orElseThrow());
  }

  @Test
  void atRunsOnceInItsZone() {
    ScheduleExpression at = ScheduleExpression.parse("at(2026-12-24T09:00:00)");
    assertEquals(Optional.of(Instant.parse("2026-12-24T08:00:00Z")), at.next(Instant.parse("2026-12-02T00:00:00Z"), PARIS));
    assertEquals(Optional.empty(), at.next(Instant.parse("2026-12-24T08:00:00Z"), PARIS));
  }

  @Test
  void expressionsTheServiceRefusesAreRefused() {
    for (String bad : new String[] {"cron(0 8 * * MON *)", "cron(0 8 ? * ? *)", "cron(0 8 ? * MON)", "cron(60 8 ? * MON *)",
        "cron(0 8 ? * FUNDAY *)", "rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "every day", "at(2026-13-01T00:00:00)"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(bad), bad);
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), bad);
    }
  }
}
