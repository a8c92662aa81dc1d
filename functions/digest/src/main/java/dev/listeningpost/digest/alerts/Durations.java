package dev.listeningpost.digest.alerts;

import java.time.Duration;

/** Durations as a sentence says them. */
final class Durations {
  private Durations() {
  }

  /** {@code 1 hour}, {@code 24 hours}, {@code 90 minutes}, {@code 7 days}. */
  static String describe(Duration d) {
    if (d.toDays() >= 2 && d.equals(Duration.ofDays(d.toDays()))) {
      return plural(d.toDays(), "day");
    }
    if (d.equals(Duration.ofHours(d.toHours()))) {
      return plural(d.toHours(), "hour");
    }
    return plural(d.toMinutes(), "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
