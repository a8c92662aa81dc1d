package dev.listeningpost.digest.period;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ISO-8601 week (Monday to Sunday) in a time zone: the unit a digest reports on.
 *
 * <p>The zone matters: the executive's "last week" ends at their Sunday midnight, not UTC's.
 * {@link #id()} ({@code 2026-W47}) is zone-free and keys the archive; the configured zone is
 * fixed per deployment.
 *
 * @param weekBasedYear ISO week-based year (differs from the calendar year around New Year)
 * @param week          ISO week number, 1 to 52 or 53
 * @param zone          the zone whose Monday 00:00 starts the week
 */
public record ReportingPeriod(int weekBasedYear, int week, ZoneId zone) implements Comparable<ReportingPeriod> {
  private static final Pattern ID = Pattern.compile("(\\d{4})-W(\\d{2})");

  public ReportingPeriod {
    Objects.requireNonNull(zone, "zone");
    if (week < 1 || week > weeksIn(weekBasedYear)) {
      throw new IllegalArgumentException(
          "week " + week + " does not exist in ISO year " + weekBasedYear + " (it has " + weeksIn(weekBasedYear) + ")");
    }
  }

  /** Parses {@code 2026-W47}. */
  public static ReportingPeriod parse(String id, ZoneId zone) {
    Matcher m = ID.matcher(id == null ? "" : id.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an ISO week (expected e.g. 2026-W47): " + id);
    }
    return new ReportingPeriod(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), zone);
  }

  /** The week that contains {@code instant}, as seen in {@code zone}. */
  public static ReportingPeriod containing(Instant instant, ZoneId zone) {
    return of(LocalDate.ofInstant(instant, zone), zone);
  }

  /** The week that contains {@code day}. */
  public static ReportingPeriod of(LocalDate day, ZoneId zone) {
    return new ReportingPeriod(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), zone);
  }

  /** The most recent week that has fully ended at the clock's instant, in {@code zone}. */
  public static ReportingPeriod lastCompleteWeek(Clock clock, ZoneId zone) {
    return containing(clock.instant(), zone).previous();
  }

  /** Number of ISO weeks (52 or 53) in a week-based year. */
  public static int weeksIn(int weekBasedYear) {
    // 28 December always falls in the last ISO week of its year.
    return LocalDate.of(weekBasedYear, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** {@code 2026-W47}. */
  public String id() {
    return String.format("%04d-W%02d", weekBasedYear, week);
  }

  /** The Monday that starts the week. */
  public LocalDate firstDay() {
    // 4 January is always in week 1 of its week-based year.
    return LocalDate.of(weekBasedYear, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(DayOfWeek.MONDAY);
  }

  /** The Sunday that ends the week. */
  public LocalDate lastDay() {
    return firstDay().plusDays(6);
  }

  /** Monday 00:00 in the zone (inclusive). */
  public Instant start() {
    return firstDay().atStartOfDay(zone).toInstant();
  }

  /** The next Monday 00:00 in the zone (exclusive). */
  public Instant end() {
    return firstDay().plusWeeks(1).atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start()) && t.isBefore(end());
  }

  public ReportingPeriod previous() {
    return of(firstDay().minusWeeks(1), zone);
  }

  public ReportingPeriod next() {
    return of(firstDay().plusWeeks(1), zone);
  }

  @Override
  public int compareTo(ReportingPeriod o) {
    return firstDay().compareTo(o.firstDay());
  }

  @Override
  public String toString() {
    return id();
  }
}
