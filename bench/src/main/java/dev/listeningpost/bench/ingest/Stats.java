package dev.listeningpost.bench.ingest;

import java.util.Arrays;

/** Order statistics over measured durations. */
public final class Stats {
  private Stats() {
  }

  /** The {@code q}-quantile (0..1) by nearest rank; sorts a copy. */
  public static double quantile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantileSorted(sorted, q);
  }

  static double quantileSorted(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  public static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  public static long min(long[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  public static long max(long[] values) {
    return Arrays.stream(values).max().orElse(0);
  }
}
