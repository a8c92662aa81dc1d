package dev.listeningpost.bench.themes;

import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.themes.Member;
import dev.listeningpost.analyze.themes.ThemeClusterer;
import dev.listeningpost.analyze.themes.ThemeIndex;
import dev.listeningpost.analyze.themes.ThemeSample;
import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.bench.scale.ScaleStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Nightly re-cluster time and heap as volume grows: N items (SYNTHETIC 384-d unit vectors around
 * 120 random topic centres, generated on the fly) are folded into the bounded sample, the sample
 * is re-clustered, and every item is assigned to its theme, the way the nightly job does. The
 * vectors are generated one at a time and not kept (as the job would stream them); generating them is
 * timed apart and left out of the totals. Peak heap is the heap pools' peak since the size started;
 * bench/scripts/scale-curves.sh runs one size per JVM (fresh heap) and collects the RESULT lines.
 *
 * <pre>java -Xmx1g -cp bench/target/benchmarks.jar dev.listeningpost.bench.themes.ThemeScale 10000 100000 1000000</pre>
 */
public final class ThemeScale {
  private static final int DIM = 384;
  private static final int TOPICS = 120;

  private ThemeScale() {
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a.replace("_", "")));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10_000, 100_000, 1_000_000);
    }
    ThemeSettings settings = AnalyzeProperties.Theme.defaults().settings();
    float[][] centres = new float[TOPICS][];
    Random r = new Random(42);
    for (int t = 0; t < TOPICS; t++) {
      centres[t] = unit(gaussian(r, 1.0));
    }
    System.out.printf("max heap %d MB, %d processors, synthetic vectors: %d topics x %d dims%n",
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), TOPICS, DIM);
    try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
    // Warm-up (not measured): the first re-cluster loads the ONNX session that labels themes and
    // JIT-compiles the clustering, a one-off per JVM that would otherwise dominate the small sizes.
    long w0 = System.nanoTime();
    ThemeSample warm = new ThemeSample(settings);
    Random wr = new Random(1);
    for (int i = 0; i < 3_000; i++) {
      int t = topic(wr);
      warm.offer(new Member("w" + i, text(t, i), null, null, null, item(centres, wr, t)));
    }
    new ThemeClusterer(settings, embedder).recluster(warm.members(), List.of(), Instant.EPOCH);
    System.out.printf("warm-up (3,000-item re-cluster, not measured): %.1f s%n", (System.nanoTime() - w0) / 1e9);
    System.out.println("Generating the synthetic vectors is timed apart (gen) and left out of fold, assign and total.");
    System.out.println("items      gen(s)  fold(s)  cluster(s)  assign(s)  total(s)  themes  unassigned  peak heap(MB)  VmHWM(MB)");
    for (int n : sizes) {
      System.gc();
      ScaleStats.resetHeapPeaks();
      long gen = 0;
      long t0 = System.nanoTime();
      ThemeSample sample = new ThemeSample(settings);
      Random rnd = new Random(n);
      for (int i = 0; i < n; i++) {
        long g0 = System.nanoTime();
        int t = topic(rnd);
        Member m = new Member("i" + i, text(t, i), null, null, null, item(centres, rnd, t));
        gen += System.nanoTime() - g0;
        sample.offer(m);
      }
      long t1 = System.nanoTime();
      ThemeClusterer.Result result = new ThemeClusterer(settings, embedder)
          .recluster(sample.members(), List.of(), Instant.EPOCH);
      long t2 = System.nanoTime();
      ThemeIndex index = result.index();
      Random again = new Random(n);
      int unassigned = 0;
      long genAssign = 0;
      for (int i = 0; i < n; i++) {
        long g0 = System.nanoTime();
        float[] v = item(centres, again, topic(again));
        genAssign += System.nanoTime() - g0;
        if (index.assign(v) == null) {
          unassigned++;
        }
      }
      long t3 = System.nanoTime();
      double fold = (t1 - t0 - gen) / 1e9;
      double assign = (t3 - t2 - genAssign) / 1e9;
      double total = fold + (t2 - t1) / 1e9 + assign;
      double peak = ScaleStats.peakHeapMb();
      System.out.printf("%-10d %6.1f  %7.1f  %10.1f  %9.1f  %8.1f  %6d  %9.1f%%  %13.0f  %9.0f%n", n, (gen + genAssign) / 1e9,
          fold, (t2 - t1) / 1e9, assign, total, result.active().size(), 100.0 * unassigned / n, peak, ScaleStats.vmHwmMb());
      ScaleStats.printResult("theme-recluster", n, total, peak, ScaleStats.retainedHeapMb());
    }
    }
    System.exit(0);
  }

  /** Topic sizes follow a Zipf-like spread, as real feedback does. */
  private static int topic(Random r) {
    return (int) Math.min(TOPICS - 1, Math.floor(Math.pow(r.nextDouble(), 2) * TOPICS));
  }

  /** A few made-up words per topic, so labelling (candidate phrases, their embeddings) costs what it would. */
  private static String text(int t, int i) {
    return word(t, 0) + " " + word(t, 1) + " is " + word(t, 2 + i % 3) + " again, " + word(t, 5 + i % 7) + " " + word(t, 1);
  }

  private static String word(int t, int j) {
    long h = (t * 31L + j) * 0x9E3779B97F4A7C15L;
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < 6; k++) {
      b.append((char) ('a' + (int) Math.floorMod(h >> (k * 5), 26L)));
    }
    return b.toString();
  }

  private static float[] item(float[][] centres, Random r, int t) {
    float[] noise = gaussian(r, 0.9 / Math.sqrt(DIM));
    float[] v = new float[DIM];
    for (int j = 0; j < DIM; j++) {
      v[j] = centres[t][j] + noise[j];
    }
    return unit(v);
  }

  private static float[] gaussian(Random r, double sd) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) (r.nextGaussian() * sd);
    }
    return v;
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / Math.sqrt(n));
    }
    return v;
  }
}
