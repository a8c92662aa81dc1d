package dev.listeningpost.digest.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, dates and durations as the digest writes them, the same in HTML and text. */
public final class Format {
  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  public static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Format() {
  }

  /** {@code +0.21}. */
  public static String signed(double v) {
    return String.format(Locale.ROOT, "%+.2f", v);
  }

  /** {@code 42%}. */
  public static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }

  /** {@code 4.0%}. */
  public static String percent1(Double fraction) {
    return fraction == null ? "?" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** Relative change: {@code +25%}, or {@code new} when there was nothing before. */
  public static String change(long now, long before) {
    if (before == 0) {
      return now == 0 ? "none before either" : "none the week before";
    }
    long pct = Math.round(100.0 * (now - before) / before);
    return (pct >= 0 ? "+" : "") + pct + "% vs " + before;
  }

  /** {@code 3 h 20 min}, {@code 2 d 4 h}, {@code 12 min}. */
  public static String duration(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
    return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
  }

  public static String stamp(Instant t) {
    return STAMP.format(t);
  }

  /** {@code 1 message}, {@code 3 messages}. */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** {@code @handle}, or empty when there is none. */
  public static String handle(String h) {
    if (h == null || h.isBlank()) {
      return "";
    }
    return h.startsWith("@") ? h : "@" + h;
  }
}
