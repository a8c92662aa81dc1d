package dev.listeningpost.analyze.themes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;

/** A half-open time range {@code [from, until)}. */
public record Period(Instant from, Instant until) {

  public Period {
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException("period must end after it starts");
    }
  }

  /** The period of the same length just before this one. */
  public Period previous() {
    Duration d = Duration.between(from, until);
    return new Period(from.minus(d), from);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(until);
  }

  /**
   * Parses {@code 7d} / {@code 30d} (the last N days up to now), an ISO week {@code 2026-W47},
   * or {@code 2026-11-01/2026-11-08} (UTC dates, end exclusive). Null or blank means the last 7 days.
   */
  public static Period parse(String text, Clock clock) {
    Instant now = clock.instant();
    if (text == null || text.isBlank()) {
      return new Period(now.minus(Duration.ofDays(7)), now);
    }
    String s = text.strip();
    try {
      if (s.matches("\\d{1,4}d")) {
        int days = Integer.parseInt(s.substring(0, s.length() - 1));
        return new Period(now.minus(Duration.ofDays(Math.max(1, days))), now);
      }
      if (s.matches("\\d{4}-W\\d{2}")) {
        int year = Integer.parseInt(s.substring(0, 4));
        int week = Integer.parseInt(s.substring(6));
        LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant start = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Period(start, start.plus(Duration.ofDays(7)));
      }
      int slash = s.indexOf('/');
      if (slash > 0) {
        Instant a = LocalDate.parse(s.substring(0, slash)).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant b = LocalDate.parse(s.substring(slash + 1)).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Period(a, b);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unrecognised period: " + s, e);
    }
    throw new IllegalArgumentException("unrecognised period: " + s + " (use 7d, 2026-W47 or 2026-11-01/2026-11-08)");
  }
}
