package dev.listeningpost.local.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} with EventBridge's rules: six
 * fields; {@code , - * /} everywhere; exactly one of day-of-month and day-of-week is {@code ?};
 * {@code L} and {@code W} in day-of-month; {@code L} and {@code #} in day-of-week; days of the week
 * 1-7 are SUN-SAT; years 1970-2199.
 */
record CronSchedule(BitSet minutes, BitSet hours, DayRule days, BitSet months, BitSet years) implements ScheduleExpression {
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
      "OCT", "NOV", "DEC");
  private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final int LAST_YEAR = 2199;

  static CronSchedule parse(String fields) {
    String[] f = fields.strip().toUpperCase(Locale.ROOT).split("\\s+");
    if (f.length != 6) {
      throw new IllegalArgumentException("cron(" + fields + ") needs 6 fields (minutes hours day-of-month month "
          + "day-of-week year), got " + f.length);
    }
    boolean anyDom = f[2].equals("?");
    boolean anyDow = f[4].equals("?");
    if (anyDom == anyDow) {
      throw new IllegalArgumentException("cron(" + fields + "): exactly one of day-of-month and day-of-week must be '?'");
    }
    DayRule days = anyDom ? DayOfWeekRule.parse(f[4]) : DayOfMonthRule.parse(f[2]);
    return new CronSchedule(Field.parse(f[0], 0, 59, List.of(), "minutes"), Field.parse(f[1], 0, 23, List.of(), "hours"),
        days, Field.parse(f[3], 1, 12, MONTHS, "month"), Field.parse(f[5], 1970, LAST_YEAR, List.of(), "year"));
  }

  @Override
  public Optional<Instant> next(Instant after, ZoneId zone) {
    LocalDateTime start = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    for (LocalDate day = start.toLocalDate(); day.getYear() <= LAST_YEAR; day = day.plusDays(1)) {
      if (!years.get(day.getYear()) || !months.get(day.getMonthValue()) || !days.matches(day)) {
        continue;
      }
      LocalTime from = day.equals(start.toLocalDate()) ? start.toLocalTime() : LocalTime.MIDNIGHT;
      for (int h = hours.nextSetBit(from.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
        int m = minutes.nextSetBit(h == from.getHour() ? from.getMinute() : 0);
        if (m >= 0) {
          // In a daylight-saving gap the time moves forward, as the service fires it.
          Instant at = ZonedDateTime.of(day, LocalTime.of(h, m), zone).toInstant();
          if (at.isAfter(after)) {
            return Optional.of(at);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Which days of a month a cron selects. */
  sealed interface DayRule permits DayOfMonthRule, DayOfWeekRule {
    boolean matches(LocalDate day);
  }

  /** Day-of-month: a set, {@code L} (last day) or {@code NW} (the weekday nearest day N, within the month). */
  record DayOfMonthRule(BitSet set, boolean last, int nearestWeekdayTo) implements DayRule {
    static DayOfMonthRule parse(String f) {
      if (f.equals("L")) {
        return new DayOfMonthRule(new BitSet(), true, 0);
      }
      if (f.endsWith("W")) {
        int n = number(f.substring(0, f.length() - 1), 1, 31, List.of(), "day-of-month");
        return new DayOfMonthRule(new BitSet(), false, n);
      }
      return new DayOfMonthRule(Field.parse(f, 1, 31, List.of(), "day-of-month"), false, 0);
    }

    @Override
    public boolean matches(LocalDate day) {
      if (last) {
        return day.getDayOfMonth() == day.lengthOfMonth();
      }
      if (nearestWeekdayTo > 0) {
        return nearestWeekdayTo <= day.lengthOfMonth() && day.equals(nearestWeekday(day.withDayOfMonth(nearestWeekdayTo)));
      }
      return set.get(day.getDayOfMonth());
    }

    private static LocalDate nearestWeekday(LocalDate d) {
      return switch (d.getDayOfWeek()) {
        case SATURDAY -> d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
        case SUNDAY -> d.getDayOfMonth() == d.lengthOfMonth() ? d.minusDays(2) : d.plusDays(1);
        default -> d;
      };
    }
  }

  /** Day-of-week: a set (1-7 = SUN-SAT), {@code L}/{@code NL} (the last such day of the month) or {@code N#k} (the k-th). */
  record DayOfWeekRule(BitSet set, int lastOf, int weekday, int nth) implements DayRule {
    static DayOfWeekRule parse(String f) {
      if (f.equals("L")) {
        return new DayOfWeekRule(new BitSet(), 7, 0, 0);
      }
      if (f.endsWith("L")) {
        return new DayOfWeekRule(new BitSet(), number(f.substring(0, f.length() - 1), 1, 7, WEEKDAYS, "day-of-week"), 0, 0);
      }
      int hash = f.indexOf('#');
      if (hash > 0) {
        int day = number(f.substring(0, hash), 1, 7, WEEKDAYS, "day-of-week");
        int nth = number(f.substring(hash + 1), 1, 5, List.of(), "day-of-week '#'");
        return new DayOfWeekRule(new BitSet(), 0, day, nth);
      }
      return new DayOfWeekRule(Field.parse(f, 1, 7, WEEKDAYS, "day-of-week"), 0, 0, 0);
    }

    @Override
    public boolean matches(LocalDate day) {
      if (lastOf > 0) {
        return day.equals(day.with(TemporalAdjusters.lastInMonth(javaDay(lastOf))));
      }
      if (nth > 0) {
        return day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(nth, javaDay(weekday))));
      }
      return set.get(cronDay(day.getDayOfWeek()));
    }

    private static DayOfWeek javaDay(int cronDay) {
      return DayOfWeek.SUNDAY.plus(cronDay - 1L);
    }

    private static int cronDay(DayOfWeek d) {
      return d.getValue() % 7 + 1;
    }
  }

  /** One field: {@code *}, values, ranges, lists and steps ({@code 0/15}, {@code 10-50/5}, {@code * /2}). */
  static final class Field {
    private Field() {
    }

    static BitSet parse(String field, int min, int max, List<String> names, String what) {
      BitSet set = new BitSet(max + 1);
      for (String part : field.split(",", -1)) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          range = part.substring(0, slash);
          step = number(part.substring(slash + 1), 1, max - min + 1, List.of(), what + " step");
        }
        int lo;
        int hi;
        if (range.equals("*")) {
          lo = min;
          hi = max;
        } else if (range.contains("-")) {
          String[] ends = range.split("-", 2);
          lo = number(ends[0], min, max, names, what);
          hi = number(ends[1], min, max, names, what);
        } else {
          lo = number(range, min, max, names, what);
          hi = slash >= 0 ? max : lo;
        }
        if (lo > hi) {
          throw new IllegalArgumentException(what + " range '" + range + "' runs backwards");
        }
        for (int v = lo; v <= hi; v += step) {
          set.set(v);
        }
      }
      return set;
    }
  }

  static int number(String s, int min, int max, List<String> names, String what) {
    int named = names.indexOf(s);
    int v;
    if (named >= 0) {
      v = named + min;
    } else {
      try {
        v = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(what + " value '" + s + "' is not a number" + (names.isEmpty() ? "" : " or one of " + names));
      }
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(what + " value '" + s + "' is outside " + min + "-" + max);
    }
    return v;
  }
}
