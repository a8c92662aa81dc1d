package dev.listeningpost.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge Scheduler expression, as {@code ScheduleExpression} takes it: {@code rate(5 minutes)},
 * {@code cron(0 8 ? * MON *)} or {@code at(2026-12-24T09:00:00)}. Parsing is as strict as the
 * service, so an expression the local stack accepts also deploys.
 */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, ScheduleExpression.At, CronSchedule {

  /** The first time strictly after {@code after} this schedule fires, evaluated in {@code zone}; empty when it never will. */
  Optional<Instant> next(Instant after, ZoneId zone);

  Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
  Pattern CRON = Pattern.compile("cron\\((.*)\\)");
  Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

  static ScheduleExpression parse(String expression) {
    String e = expression == null ? "" : expression.strip();
    Matcher m = RATE.matcher(e);
    if (m.matches()) {
      return Rate.of(Long.parseLong(m.group(1)), m.group(2), e);
    }
    m = CRON.matcher(e);
    if (m.matches()) {
      return CronSchedule.parse(m.group(1));
    }
    m = AT.matcher(e);
    if (m.matches()) {
      try {
        return new At(LocalDateTime.parse(m.group(1)));
      } catch (DateTimeParseException ex) {
        throw new IllegalArgumentException("'" + e + "' is not a valid date and time");
      }
    }
    throw new IllegalArgumentException("'" + e + "' is not a schedule expression: use rate(N minutes|hours|days), "
        + "cron(minutes hours day-of-month month day-of-week year) or at(yyyy-mm-ddThh:mm:ss)");
  }

  /**
   * {@code rate(...)}: every period from when the schedule is created (here: when the local stack
   * starts), as the service counts it.
   */
  record Rate(Duration period, Instant anchor) implements ScheduleExpression {
    static Rate of(long value, String unit, String text) {
      if (value < 1) {
        throw new IllegalArgumentException("'" + text + "': the rate must be at least 1");
      }
      boolean singular = !unit.endsWith("s");
      if (singular != (value == 1)) {
        throw new IllegalArgumentException("'" + text + "': write rate(1 " + unit.replaceAll("s$", "")
            + ") for one and rate(N " + (singular ? unit + "s" : unit) + ") for more");
      }
      Duration unitLength = switch (unit.toLowerCase(Locale.ROOT).replaceAll("s$", "")) {
        case "minute" -> Duration.ofMinutes(1);
        case "hour" -> Duration.ofHours(1);
        default -> Duration.ofDays(1);
      };
      return new Rate(unitLength.multipliedBy(value), null);
    }

    /** The same rate counted from {@code start}. */
    public Rate anchoredAt(Instant start) {
      return new Rate(period, start);
    }

    @Override
    public Optional<Instant> next(Instant after, ZoneId zone) {
      Instant from = anchor == null ? after : anchor;
      if (after.isBefore(from)) {
        return Optional.of(from.plus(period));
      }
      long periods = Duration.between(from, after).toMillis() / period.toMillis() + 1;
      return Optional.of(from.plus(period.multipliedBy(periods)));
    }
  }

  /** {@code at(...)}: once, at a local date and time of the schedule's zone. */
  record At(LocalDateTime when) implements ScheduleExpression {
    @Override
    public Optional<Instant> next(Instant after, ZoneId zone) {
      Instant at = when.atZone(zone).toInstant();
      return at.isAfter(after) ? Optional.of(at) : Optional.empty();
    }
  }
}
