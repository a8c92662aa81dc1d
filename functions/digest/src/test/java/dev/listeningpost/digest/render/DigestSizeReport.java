package dev.listeningpost.digest.render;

import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.DigestCalculator;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.wiring.DigestProperties;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Not a test: prints digest size and compose/render time for growing weeks ({@link BusyWeek}, eight weeks of
 * history each), for
 * docs/performance/digest.md. Run:
 * {@code mvn -q -o -pl functions/digest exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.listeningpost.digest.render.DigestSizeReport}
 */
public final class DigestSizeReport {
  private DigestSizeReport() {
  }

  public static void main(String[] args) {
    DigestCalculator calc = new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE);
    DigestRenderer renderer = new DigestRenderer();
    System.out.println("| items | themes | compose ms (median of 7) | render ms (median of 7) | HTML bytes | text bytes"
        + " | est. read units (week + 8 weeks of history) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (int n : new int[] {100, 1_000, 10_000, 100_000}) {
      int themes = n >= 100_000 ? 200 : 80;
      PeriodFeedback data = BusyWeek.of(n, themes);
      double[] compose = new double[7];
      double[] render = new double[7];
      RenderedDigest r = null;
      for (int warm = 0; warm < 3; warm++) {
        renderer.render(calc.calculate(data));
      }
      for (int i = 0; i < 7; i++) {
        long t0 = System.nanoTime();
        Digest d = calc.calculate(data);
        long t1 = System.nanoTime();
        r = renderer.render(d);
        long t2 = System.nanoTime();
        compose[i] = (t1 - t0) / 1e6;
        render[i] = (t2 - t1) / 1e6;
      }
      System.out.printf("| %,d | %d | %.1f | %.2f | %,d | %,d | %,d |%n", n, themes, median(compose), median(render),
          r.html().getBytes(StandardCharsets.UTF_8).length, r.text().getBytes(StandardCharsets.UTF_8).length,
          readUnits(data, n));
    }
  }

  /**
   * Query read units (eventually consistent: 4 KB = 0.5 unit) for the items the composer reads: the week and,
   * history weeks being half as busy, 8 x n/2 more. A Query is charged for the items' size in the byDay index
   * (every projected attribute), whatever attributes it asks for.
   */
  private static long readUnits(PeriodFeedback data, int n) {
    var schema = dev.listeningpost.feedback.store.FeedbackSchema.create(java.time.Duration.ZERO);
    java.util.Set<String> indexed = new java.util.HashSet<>(dev.listeningpost.feedback.store.FeedbackTable.BY_DAY_PROJECTION);
    indexed.addAll(java.util.List.of("id", "day", "createdKey"));
    long bytes = 0;
    for (var f : data.items()) {
      for (var e : schema.itemToMap(f, true).entrySet()) {
        if (indexed.contains(e.getKey())) {
          bytes += e.getKey().length() + size(e.getValue());
        }
      }
    }
    long perItem = bytes / Math.max(1, data.items().size());
    long total = perItem * (n + (long) PeriodFeedback.HISTORY_PERIODS * n / 2);
    return (long) Math.ceil(total / 4096.0 / 2);
  }

  private static long size(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    if (v.s() != null) {
      return v.s().getBytes(StandardCharsets.UTF_8).length;
    }
    if (v.n() != null) {
      return v.n().length();
    }
    if (v.hasL()) {
      return 3 + v.l().stream().mapToLong(DigestSizeReport::size).sum();
    }
    if (v.hasSs()) {
      return v.ss().stream().mapToLong(x -> x.length()).sum();
    }
    return 1;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
