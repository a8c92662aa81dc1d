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
    System.out.println("| items | themes | compose ms (median of 7) | render ms (median of 7) | HTML bytes | text bytes |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
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
      System.out.printf("| %,d | %d | %.1f | %.2f | %,d | %,d |%n", n, themes, median(compose), median(render),
          r.html().getBytes(StandardCharsets.UTF_8).length, r.text().getBytes(StandardCharsets.UTF_8).length);
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
