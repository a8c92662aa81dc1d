package dev.listeningpost.local.schedule;

import dev.listeningpost.local.invoke.FunctionSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What EventBridge Scheduler does for the deployed stack: runs each scheduled function of the
 * template at its expression's times, in its time zone, with its {@code Input}. One job at a time,
 * so a slow themes run delays the digest instead of overlapping it; a failed run is logged and the
 * schedule continues (the service would retry, then dead-letter).
 */
public final class LocalScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalScheduler.class);

  /** A schedule ready to run: its expression parsed, its zone known, and what runs it locally. */
  public record Entry(FunctionSchedule schedule, ScheduleExpression expression, ZoneId zone, Consumer<String> job) {
  }

  /** When a schedule runs next (for the start banner and {@code /health}). */
  public record Planned(String functionId, String eventName, String expression, String timeZone, Optional<Instant> next) {
  }

  private final List<Entry> entries;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final Map<Entry, Optional<Instant>> nextRun = new ConcurrentHashMap<>();

  LocalScheduler(List<Entry> entries, Clock clock, ScheduledExecutorService executor) {
    this.entries = List.copyOf(entries);
    this.clock = clock;
    this.executor = executor;
  }

  /**
   * Parses every schedule (a bad expression or zone fails here, naming the function) and pairs it
   * with the local job of its function; a scheduled function without one fails the start, so a
   * schedule added to the template is never silently skipped.
   */
  public static LocalScheduler of(List<FunctionSchedule> schedules, Map<String, Consumer<String>> jobs, Clock clock) {
    return of(schedules, jobs, clock, Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "schedules");
      t.setDaemon(true);
      return t;
    }));
  }

  static LocalScheduler of(List<FunctionSchedule> schedules, Map<String, Consumer<String>> jobs, Clock clock,
                           ScheduledExecutorService executor) {
    List<Entry> entries = new ArrayList<>();
    Instant start = clock.instant();
    for (FunctionSchedule s : schedules) {
      Consumer<String> job = jobs.get(s.functionId());
      if (job == null) {
        throw new IllegalStateException("template.yaml schedules " + s.functionId() + " (" + s.eventName()
            + "), which the local stack cannot run (known: " + jobs.keySet() + ")");
      }
      ScheduleExpression expression;
      ZoneId zone;
      try {
        expression = ScheduleExpression.parse(s.expression());
        zone = ZoneId.of(s.timeZone());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(s.functionId() + " " + s.eventName() + ": " + e.getMessage(), e);
      }
      if (expression instanceof ScheduleExpression.Rate rate) {
        expression = rate.anchoredAt(start);
      }
      entries.add(new Entry(s, expression, zone, job));
    }
    return new LocalScheduler(entries, clock, executor);
  }

  public void start() {
    Instant now = clock.instant();
    entries.forEach(e -> plan(e, now));
  }

  public List<Planned> planned() {
    return entries.stream().map(e -> new Planned(e.schedule().functionId(), e.schedule().eventName(),
        e.schedule().expression(), e.zone().getId(), nextRun.getOrDefault(e, Optional.empty()))).toList();
  }

  private void plan(Entry entry, Instant after) {
    Optional<Instant> next = entry.expression().next(after, entry.zone());
    nextRun.put(entry, next);
    next.ifPresent(at -> executor.schedule(() -> fire(entry, at),
        Math.max(0, Duration.between(clock.instant(), at).toMillis()), TimeUnit.MILLISECONDS));
  }

  private void fire(Entry entry, Instant due) {
    // The executor's timer may wake a little early against the clock; never run before the due time.
    long early = Duration.between(clock.instant(), due).toMillis();
    if (early > 0) {
      executor.schedule(() -> fire(entry, due), early, TimeUnit.MILLISECONDS);
      return;
    }
    FunctionSchedule s = entry.schedule();
    LOG.info("schedule {}.{} ({}) runs {}", s.functionId(), s.eventName(), s.expression(), due);
    try {
      entry.job().accept(s.input());
    } catch (RuntimeException e) {
      LOG.warn("scheduled run of {} failed: {}", s.functionId(), e.toString());
    }
    plan(entry, due);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
