package dev.listeningpost.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.local.invoke.FunctionSchedule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSchedulerTest {
  private static final FunctionSchedule NIGHTLY =
      new FunctionSchedule("ThemesFunction", "Nightly", "cron(30 2 * * ? *)", "UTC", "{}");
  private static final FunctionSchedule WEEKLY =
      new FunctionSchedule("DigestFunction", "Weekly", "cron(0 8 ? * MON *)", "Europe/Paris", "{\"period\":\"2026-W49\"}");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
  private final ManualTimer timer = new ManualTimer();
  private final List<String> runs = new ArrayList<>();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void eachScheduleIsPlannedForItsNextTimeInItsZone() {
    LocalScheduler scheduler = LocalScheduler.of(List.of(NIGHTLY, WEEKLY), jobs(), clock, timer);
    scheduler.start();
    assertEquals(List.of(Optional.of(Instant.parse("2026-12-03T02:30:00Z")), Optional.of(Instant.parse("2026-12-07T07:00:00Z"))),
        scheduler.planned().stream().map(LocalScheduler.Planned::next).toList());
    assertEquals(List.of(14L * 3600_000 + 30 * 60_000, 4L * 86_400_000 + 19 * 3600_000), timer.delays);
    assertEquals(List.of(), runs, "nothing runs before its time");
  }

  @Test
  void aDueScheduleRunsItsJobWithItsInputAndIsPlannedAgain() {
    LocalScheduler scheduler = LocalScheduler.of(List.of(WEEKLY), jobs(), clock, timer);
    scheduler.start();
    clock.set(Instant.parse("2026-12-07T07:00:00Z"));
    timer.runNext();
    assertEquals(List.of("DigestFunction {\"period\":\"2026-W49\"}"), runs);
    assertEquals(Optional.of(Instant.parse("2026-12-14T07:00:00Z")), scheduler.planned().get(0).next());
  }

  @Test
  void aTimerThatWakesEarlyWaitsForTheDueTime() {
    LocalScheduler scheduler = LocalScheduler.of(List.of(NIGHTLY), jobs(), clock, timer);
    scheduler.start();
    clock.set(Instant.parse("2026-12-03T02:29:59.500Z"));
    timer.runNext();
    assertEquals(List.of(), runs);
    assertEquals(500L, timer.delays.get(timer.delays.size() - 1));
  }

  @Test
  void aFailedRunKeepsTheSchedule() {
    LocalScheduler scheduler = LocalScheduler.of(List.of(NIGHTLY),
        Map.of("ThemesFunction", input -> {
          throw new IllegalStateException("boom");
        }), clock, timer);
    scheduler.start();
    clock.set(Instant.parse("2026-12-03T02:30:00Z"));
    timer.runNext();
    assertEquals(Optional.of(Instant.parse("2026-12-04T02:30:00Z")), scheduler.planned().get(0).next());
  }

  @Test
  void aScheduledFunctionWithoutALocalJobFailsTheStart() {
    FunctionSchedule alerts = new FunctionSchedule("AlertsFunction", "Hourly", "rate(1 hour)", "UTC", "{}");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> LocalScheduler.of(List.of(alerts), jobs(), clock, timer));
    assertTrue(e.getMessage().contains("AlertsFunction"), e.getMessage());
  }

  @Test
  void aBadExpressionNamesItsFunction() {
    FunctionSchedule bad = new FunctionSchedule("ThemesFunction", "Nightly", "cron(30 2 * * *)", "UTC", "{}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LocalScheduler.of(List.of(bad), jobs(), clock, timer));
    assertTrue(e.getMessage().startsWith("ThemesFunction Nightly:"), e.getMessage());
  }

  private Map<String, java.util.function.Consumer<String>> jobs() {
    return Map.of("ThemesFunction", input -> runs.add("ThemesFunction " + input),
        "DigestFunction", input -> runs.add("DigestFunction " + input));
  }

  /** Records what is scheduled, and runs it only when the test says so. */
  private static final class ManualTimer extends ScheduledThreadPoolExecutor {
    final List<Long> delays = new ArrayList<>();
    final List<Runnable> tasks = new ArrayList<>();

    ManualTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      delays.add(unit.toMillis(delay));
      tasks.add(task);
      return null;
    }

    void runNext() {
      tasks.remove(0).run();
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
