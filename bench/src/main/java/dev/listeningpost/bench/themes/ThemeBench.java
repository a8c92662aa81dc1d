package dev.listeningpost.bench.themes;

import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.themes.ClusterBatch;
import dev.listeningpost.analyze.themes.Theme;
import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.analyze.themes.Vectors;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.store.EmbeddingCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Themes with k NOT given, side by side with k-means told the true k on the same int8 MiniLM
 * embeddings, on Banking77 test and Bitext; and granularity on the clothing reviews (no labels):
 * number of themes, largest theme's share, unassigned, the 10 biggest themes' labels and a quote.
 *
 * <pre>java -Xmx1g -cp bench/target/benchmarks.jar dev.listeningpost.bench.themes.ThemeBench [data dir]</pre>
 *
 * {@code -Dcohesion=0.5} overrides {@link ThemeSettings#minCohesion()} (calibration runs).
 */
public final class ThemeBench {
  private ThemeBench() {
  }

  record Set(String name, List<String> ids, List<String> texts, List<String> labels, List<float[]> vectors) {
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    ThemeSettings settings = AnalyzeProperties.Theme.defaults().settings();
    if (System.getProperty("cohesion") != null) {
      settings = settings.withMinCohesion(Double.parseDouble(System.getProperty("cohesion")));
    }
    String only = System.getProperty("only", "banking77,bitext,clothing");
    List<Set> sets = new ArrayList<>();
    try (MiniLmEmbedder e = new MiniLmEmbedder()) {
      if (only.contains("banking77")) {
        Path csv = data.resolve("banking77/test.csv");
        List<Banking77.Row> rows = Banking77.read(csv);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          ids.add("te-" + i);
        }
        sets.add(new Set("Banking77 test", ids, rows.stream().map(Banking77.Row::text).toList(),
            rows.stream().map(Banking77.Row::label).toList(), Banking77.embed(csv, rows, e)));
      }
      for (String[] f : new String[][] {{"bitext", "bitext-intents", "Bitext"}, {"clothing", "clothing-reviews",
          "Clothing reviews"}}) {
        if (!only.contains(f[0])) {
          continue;
        }
        List<Jsonl.Row> rows = Jsonl.read(data.resolve(f[1]).resolve("items.jsonl"));
        List<String> texts = rows.stream().map(Jsonl.Row::text).toList();
        sets.add(new Set(f[2], rows.stream().map(Jsonl.Row::id).toList(), texts,
            f[0].equals("clothing") ? null : rows.stream().map(Jsonl.Row::label).toList(),
            Jsonl.embed(f[1], texts, e)));
      }
      System.out.printf("settings: sample %d, min size %d, assign %.2f, min cohesion %.2f, merge %.2f%n",
          settings.sampleCapacity(), settings.minThemeSize(), settings.assignThreshold(), settings.minCohesion(),
          settings.mergeSimilarity());
      System.out.println("| set | method | themes | unassigned | largest | NMI | ARI |");
      System.out.println("|---|---|---|---|---|---|---|");
      for (Set s : sets) {
        String stored = System.getProperty("stored", "false");
        if (!stored.equals("false")) {
          // As the nightly job reads them back from the feedback table: int8 + scale (EmbeddingCodec);
          // -Dstored=unit also rescales each to unit length.
          boolean unit = stored.equals("unit");
          if (stored.startsWith("jitter")) {
            // Control: float vectors plus uniform noise of the quantisation's size (half a step a dimension),
            // seed N: how much NMI/ARI move for any perturbation that small.
            java.util.Random random = new java.util.Random(Long.parseLong(stored.substring(6)));
            s = new Set(s.name() + " (" + stored + ")", s.ids(), s.texts(), s.labels(), s.vectors().stream().map(v -> {
              float max = 0;
              for (float x : v) {
                max = Math.max(max, Math.abs(x));
              }
              float[] out = v.clone();
              for (int i = 0; i < out.length; i++) {
                out[i] += (float) ((random.nextDouble() - 0.5) * max / 127);
              }
              return out;
            }).toList());
          } else {
            s = new Set(s.name() + " (stored int8" + (unit ? ", unit" : "") + ")", s.ids(), s.texts(), s.labels(),
                s.vectors().stream().map(v -> EmbeddingCodec.decode(EmbeddingCodec.encode(v)))
                    .map(v -> unit ? Vectors.normalize(v) : v).toList());
          }
        }
        run(s, settings, e);
      }
    }
    System.exit(0);
  }

  private static void run(Set s, ThemeSettings settings, MiniLmEmbedder embedder) {
    List<ClusterBatch.Item> items = new ArrayList<>();
    for (int i = 0; i < s.ids().size(); i++) {
      items.add(new ClusterBatch.Item(s.ids().get(i), s.texts().get(i)));
    }
    long t0 = System.nanoTime();
    ClusterBatch.Clustering c = ClusterBatch.cluster(items, s.vectors(), settings, embedder);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    int n = items.size();
    List<String> pred = new ArrayList<>();
    Map<String, Integer> sizes = new HashMap<>();
    int un = 0;
    for (int i = 0; i < n; i++) {
      String t = c.themeOf().get(i);
      if (t == null) {
        un++;
        pred.add("u" + i);
      } else {
        pred.add(t);
        sizes.merge(t, 1, Integer::sum);
      }
    }
    int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    String nmi = "-";
    String ari = "-";
    if (s.labels() != null) {
      Metrics.Scores m = Metrics.of(s.labels(), pred);
      nmi = String.format("%.3f", m.nmi());
      ari = String.format("%.3f", m.ari());
    }
    System.out.printf("| %s | Listening Post, k found (%d ms) | %d | %.1f%% | %.1f%% | %s | %s |%n", s.name(), ms,
        c.themes().size(), 100.0 * un / n, 100.0 * largest / n, nmi, ari);
    if (s.labels() != null) {
      int k = (int) s.labels().stream().distinct().count();
      double sn = 0;
      double sa = 0;
      int largestK = 0;
      for (long seed = 0; seed < 3; seed++) {
        int[] lab = KMeans.run(s.vectors(), k, seed, 100);
        List<String> p = new ArrayList<>();
        int[] cnt = new int[k];
        for (int l : lab) {
          p.add("k" + l);
          cnt[l]++;
        }
        largestK = Math.max(largestK, java.util.Arrays.stream(cnt).max().orElse(0));
        Metrics.Scores m = Metrics.of(s.labels(), p);
        sn += m.nmi();
        sa += m.ari();
      }
      System.out.printf("| %s | k-means told the true k (mean of 3 seeds) | %d | 0%% | %.1f%% | %.3f | %.3f |%n",
          s.name(), k, 100.0 * largestK / n, sn / 3, sa / 3);
      cohesionOfTruth(s);
    }
    List<Theme> top = new ArrayList<>(c.themes());
    top.sort((a, b) -> Integer.compare(sizes.getOrDefault(b.id(), 0), sizes.getOrDefault(a.id(), 0)));
    System.out.printf("  %s, 10 biggest themes:%n", s.name());
    for (int i = 0; i < Math.min(10, top.size()); i++) {
      Theme t = top.get(i);
      System.out.printf("  | %d | %s | %.1f%% | %s |%n", i + 1, t.label(), 100.0 * sizes.getOrDefault(t.id(), 0) / n,
          t.quotes().isEmpty() ? "" : clip(t.quotes().get(0).text()));
    }
    if (Boolean.getBoolean("diag") && s.labels() != null) {
      Map<String, Map<String, Integer>> byClass = new java.util.TreeMap<>();
      for (int i = 0; i < n; i++) {
        byClass.computeIfAbsent(s.labels().get(i), x -> new HashMap<>()).merge(pred.get(i).startsWith("u") ? "-" : pred.get(i), 1, Integer::sum);
      }
      Map<String, String> lab = new HashMap<>();
      c.themes().forEach(t -> lab.put(t.id(), t.label()));
      byClass.forEach((cl, m) -> {
        List<Map.Entry<String, Integer>> es = new ArrayList<>(m.entrySet());
        es.sort((a, b) -> b.getValue() - a.getValue());
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < Math.min(4, es.size()); j++) {
          sb.append(es.get(j).getValue()).append(" [").append(lab.get(es.get(j).getKey())).append("] ");
        }
        System.out.printf("    %-28s %d themes: %s%n", cl, es.size(), sb);
      });
    }
    if (Boolean.getBoolean("allLabels")) {
      top.forEach(t -> System.out.printf("    %5d %s%n", sizes.getOrDefault(t.id(), 0), t.label()));
    }
  }

  /** Mean pairwise cosine of each true class: where a topic's cohesion lies in this model's geometry. */
  private static void cohesionOfTruth(Set s) {
    Map<String, double[]> sum = new HashMap<>();
    Map<String, Integer> cnt = new HashMap<>();
    for (int i = 0; i < s.labels().size(); i++) {
      double[] a = sum.computeIfAbsent(s.labels().get(i), x -> new double[s.vectors().get(0).length]);
      float[] v = s.vectors().get(i);
      for (int d = 0; d < a.length; d++) {
        a[d] += v[d];
      }
      cnt.merge(s.labels().get(i), 1, Integer::sum);
    }
    List<Double> co = new ArrayList<>();
    sum.forEach((l, a) -> {
      double sq = 0;
      for (double x : a) {
        sq += x * x;
      }
      int m = cnt.get(l);
      co.add((sq - m) / ((double) m * (m - 1)));
    });
    co.sort(null);
    System.out.printf("  true classes' mean pairwise cosine: min %.2f, p10 %.2f, median %.2f, p90 %.2f, max %.2f%n",
        co.get(0), co.get(co.size() / 10), co.get(co.size() / 2), co.get(co.size() * 9 / 10), co.get(co.size() - 1));
  }

  private static String clip(String t) {
    t = t.replace('|', '/').replace('\n', ' ');
    return t.length() > 140 ? t.substring(0, 139) + "\u2026" : t;
  }
}
