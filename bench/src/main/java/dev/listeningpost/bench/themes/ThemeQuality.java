package dev.listeningpost.bench.themes;

import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.themes.ClusterBatch;
import dev.listeningpost.analyze.themes.Member;
import dev.listeningpost.analyze.themes.Theme;
import dev.listeningpost.analyze.themes.ThemeClusterer;
import dev.listeningpost.analyze.themes.ThemeIndex;
import dev.listeningpost.analyze.themes.ThemeSample;
import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.store.EmbeddingCodec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Theme quality on Banking77 (k NOT given) next to a TF-IDF + k-means baseline told the true k,
 * the stability check (cluster train, add test, re-run, count items that keep their theme id), and
 * data with fewer, broader groups (subsets of the intents) to show the number of themes follows the data.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.listeningpost.bench.themes.ThemeQuality [data dir]</pre>
 */
public final class ThemeQuality {
  private ThemeQuality() {
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("banking77");
    ThemeSettings settings = AnalyzeProperties.Theme.defaults().settings();
    List<Banking77.Row> test = Banking77.read(data.resolve("test.csv"));
    List<Banking77.Row> train = Banking77.read(data.resolve("train.csv"));
    List<float[]> testV;
    List<float[]> trainV;
    try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
      testV = Banking77.embed(data.resolve("test.csv"), test, embedder);
      trainV = Banking77.embed(data.resolve("train.csv"), train, embedder);
    }
    List<String> truth = test.stream().map(Banking77.Row::label).toList();

    // 1. Themes, k not given.
    List<ClusterBatch.Item> items = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      items.add(new ClusterBatch.Item("te-" + i, test.get(i).text()));
    }
    long t0 = System.nanoTime();
    ClusterBatch.Clustering c = ClusterBatch.cluster(items, testV, settings);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    List<String> strict = new ArrayList<>();
    List<String> assignedTruth = new ArrayList<>();
    List<String> assignedPred = new ArrayList<>();
    int unassigned = 0;
    for (int i = 0; i < items.size(); i++) {
      String t = c.themeOf().get(i);
      if (t == null) {
        unassigned++;
        strict.add("unassigned-" + i);
      } else {
        strict.add(t);
        assignedTruth.add(truth.get(i));
        assignedPred.add(t);
      }
    }
    Metrics.Scores s = Metrics.of(truth, strict);
    Metrics.Scores sa = Metrics.of(assignedTruth, assignedPred);
    System.out.printf("Banking77 test: %d items%n", items.size());
    System.out.printf("themes (k not given): %d themes, unassigned %.1f%%, NMI %.3f, ARI %.3f, V-measure %.3f"
        + "  (unassigned items scored as singletons; clustering took %d ms)%n",
        c.themes().size(), 100.0 * unassigned / items.size(), s.nmi(), s.ari(), s.vMeasure(), ms);
    System.out.printf("  on assigned items only: NMI %.3f, ARI %.3f, V-measure %.3f%n", sa.nmi(), sa.ari(), sa.vMeasure());
    Metrics.Scores km = tfidfKmeans(test.stream().map(Banking77.Row::text).toList(), truth, 77);
    System.out.printf("baseline TF-IDF + k-means told k=77: NMI %.3f, ARI %.3f, V-measure %.3f%n", km.nmi(), km.ari(),
        km.vMeasure());
    System.out.println("sample labels:");
    c.themes().stream().sorted((a, b) -> Long.compare(count(c, b), count(c, a))).limit(8)
        .forEach(t -> System.out.printf("  %-40s %3d items  e.g. \"%s\"%n", t.label(), count(c, t),
            t.quotes().isEmpty() ? "" : t.quotes().get(0).text()));

    // The sample is chosen by a hash of the ids: other id schemes mean other 3,000-item samples.
    System.out.println("same test set under other id schemes (another sample of 3,000 of the 3,080):");
    for (String prefix : List.of("i", "x", "id-", "q", "msg-")) {
      List<ClusterBatch.Item> renamed = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        renamed.add(new ClusterBatch.Item(prefix + i, test.get(i).text()));
      }
      ClusterBatch.Clustering rc = ClusterBatch.cluster(renamed, testV, settings);
      List<String> pred = new ArrayList<>();
      int un = 0;
      for (int i = 0; i < renamed.size(); i++) {
        String t = rc.themeOf().get(i);
        pred.add(t == null ? "unassigned-" + i : t);
        un += t == null ? 1 : 0;
      }
      Metrics.Scores rs = Metrics.of(truth, pred);
      System.out.printf("  ids %-5s %3d themes, unassigned %.1f%%, NMI %.3f, ARI %.3f%n", prefix + "N", rc.themes().size(),
          100.0 * un / renamed.size(), rs.nmi(), rs.ari());
    }

    List<Banking77.Row> all = new ArrayList<>(train);
    all.addAll(test);
    List<float[]> allV = new ArrayList<>(trainV);
    allV.addAll(testV);
    coarser(all, allV, settings);

    // 2. Stability: cluster train, add test, re-run from the stored state.
    ThemeClusterer clusterer = new ThemeClusterer(settings);
    ThemeSample sample = new ThemeSample(settings);
    for (int i = 0; i < train.size(); i++) {
      sample.offer(new Member("tr-" + i, train.get(i).text(), null, null, null, trainV.get(i)));
    }
    ThemeClusterer.Result first = clusterer.recluster(sample.members(), List.of(), Instant.EPOCH);
    List<String> before = new ArrayList<>();
    for (float[] v : trainV) {
      before.add(first.index().assign(v));
    }
    ThemeSample next = new ThemeSample(settings);
    next.offerAll(first.members());
    for (int i = 0; i < test.size(); i++) {
      next.offer(new Member("te-" + i, test.get(i).text(), null, null, null, testV.get(i)));
    }
    ThemeClusterer.Result second = clusterer.recluster(next.members(), first.themes(), Instant.EPOCH.plusSeconds(86400));
    ThemeIndex idx = second.index();
    int kept = 0;
    int hadTheme = 0;
    int keptOfAssigned = 0;
    List<String> after = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      String now = idx.assign(trainV.get(i), before.get(i));
      after.add(now);
      if (before.get(i) != null) {
        hadTheme++;
        if (before.get(i).equals(now)) {
          keptOfAssigned++;
        }
      }
      if (java.util.Objects.equals(before.get(i), now)) {
        kept++;
      }
    }
    List<String> allTruth = new ArrayList<>();
    List<String> allPred = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      allTruth.add(train.get(i).label());
      allPred.add(after.get(i) == null ? "u-tr" + i : after.get(i));
    }
    for (int i = 0; i < test.size(); i++) {
      allTruth.add(test.get(i).label());
      String t = idx.assign(testV.get(i));
      allPred.add(t == null ? "u-te" + i : t);
    }
    Metrics.Scores s2 = Metrics.of(allTruth, allPred);
    long retired = second.themes().stream().filter(t -> !t.active()).count();
    System.out.printf("stability: train %d themes -> train+test %d themes (%d retired); %.1f%% of %d train items keep "
        + "their theme id (%.1f%% of the %d that had one); train+test NMI %.3f, ARI %.3f%n",
        first.active().size(), second.active().size(), retired, 100.0 * kept / train.size(), train.size(),
        100.0 * keptOfAssigned / Math.max(1, hadTheme), hadTheme, s2.nmi(), s2.ari());

    // Theme write-backs the nightly job makes for new items (docs/performance/cost.md): the analyze
    // function assigned them with the last run's themes and the exact vector; the job assigns them with
    // the new themes and the stored (int8) vector, and rewrites those whose theme changed.
    int rewritten = 0;
    int rewrittenExact = 0;
    for (int i = 0; i < test.size(); i++) {
      String online = first.index().assign(testV.get(i));
      String nightly = idx.assign(EmbeddingCodec.decode(EmbeddingCodec.encode(testV.get(i))), online);
      String nightlyExact = idx.assign(testV.get(i), online);
      rewritten += nightly != null && !nightly.equals(online) ? 1 : 0;
      rewrittenExact += nightlyExact != null && !nightlyExact.equals(online) ? 1 : 0;
    }
    System.out.printf("theme write-backs at night: %.1f%% of %d new items (%.1f%% with exact vectors)%n",
        100.0 * rewritten / test.size(), test.size(), 100.0 * rewrittenExact / test.size());
    if (Boolean.getBoolean("writebacksOnly")) {
      System.exit(0);
    }
  }

  /** Data with fewer, broader groups: all train+test items of a random subset of intents. */
  static void coarser(List<Banking77.Row> rows, List<float[]> vectors, ThemeSettings settings) {
    List<String> intents = rows.stream().map(Banking77.Row::label).distinct().sorted().toList();
    System.out.println("fewer groups (train+test items of N random intents, k not given):");
    for (int n : new int[] {5, 10, 20, 40}) {
      List<String> shuffled = new ArrayList<>(intents);
      java.util.Collections.shuffle(shuffled, new Random(n));
      java.util.Set<String> pick = new java.util.HashSet<>(shuffled.subList(0, n));
      List<ClusterBatch.Item> items = new ArrayList<>();
      List<float[]> vs = new ArrayList<>();
      List<String> truth = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (pick.contains(rows.get(i).label())) {
          items.add(new ClusterBatch.Item("x" + i, rows.get(i).text()));
          vs.add(vectors.get(i));
          truth.add(rows.get(i).label());
        }
      }
      ClusterBatch.Clustering c = ClusterBatch.cluster(items, vs, settings);
      List<String> pred = new ArrayList<>();
      int un = 0;
      for (int i = 0; i < items.size(); i++) {
        String t = c.themeOf().get(i);
        pred.add(t == null ? "u" + i : t);
        un += t == null ? 1 : 0;
      }
      Metrics.Scores sc = Metrics.of(truth, pred);
      System.out.printf("  %2d intents, %5d items: %3d themes, unassigned %.1f%%, NMI %.3f, ARI %.3f%n", n, items.size(),
          c.themes().size(), 100.0 * un / items.size(), sc.nmi(), sc.ari());
    }
  }

  private static long count(ClusterBatch.Clustering c, Theme t) {
    return c.themeOf().stream().filter(t.id()::equals).count();
  }

  /** TF-IDF (sublinear tf, l2) + spherical k-means with k-means++ seeding, best of 3 seeds by inertia. */
  static Metrics.Scores tfidfKmeans(List<String> texts, List<String> truth, int k) {
    Map<String, Integer> vocab = new HashMap<>();
    List<Map<Integer, Double>> tf = new ArrayList<>();
    int[] df = new int[200_000];
    for (String t : texts) {
      Map<Integer, Double> m = new HashMap<>();
      for (String w : t.toLowerCase().split("[^a-z0-9']+")) {
        if (w.isEmpty()) {
          continue;
        }
        int id = vocab.computeIfAbsent(w, x -> vocab.size());
        m.merge(id, 1.0, Double::sum);
      }
      m.keySet().forEach(id -> df[id]++);
      tf.add(m);
    }
    int n = texts.size();
    int dim = vocab.size();
    double[][] x = new double[n][];
    List<int[]> idxs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<Integer, Double> m = tf.get(i);
      int[] ids = m.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      double[] vals = new double[ids.length];
      double norm = 0;
      for (int j = 0; j < ids.length; j++) {
        vals[j] = (1 + Math.log(m.get(ids[j]))) * (Math.log((1.0 + n) / (1 + df[ids[j]])) + 1);
        norm += vals[j] * vals[j];
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < vals.length; j++) {
        vals[j] /= norm == 0 ? 1 : norm;
      }
      idxs.add(ids);
      x[i] = vals;
    }
    Metrics.Scores best = null;
    double bestObj = Double.NEGATIVE_INFINITY;
    for (int seed = 0; seed < 3; seed++) {
      Random rnd = new Random(seed);
      double[][] cent = new double[k][dim];
      TreeSet<Integer> chosen = new TreeSet<>();
      int first = rnd.nextInt(n);
      chosen.add(first);
      setCentroid(cent[0], idxs.get(first), x[first]);
      double[] d2 = new double[n];
      java.util.Arrays.fill(d2, Double.MAX_VALUE);
      for (int c = 1; c < k; c++) {
        double total = 0;
        for (int i = 0; i < n; i++) {
          double s = 1 - dot(cent[c - 1], idxs.get(i), x[i]);
          d2[i] = Math.min(d2[i], s * s);
          total += d2[i];
        }
        double r = rnd.nextDouble() * total;
        int pick = 0;
        for (int i = 0; i < n; i++) {
          r -= d2[i];
          if (r <= 0) {
            pick = i;
            break;
          }
        }
        setCentroid(cent[c], idxs.get(pick), x[pick]);
      }
      int[] lab = new int[n];
      double obj = 0;
      for (int it = 0; it < 30; it++) {
        obj = 0;
        for (int i = 0; i < n; i++) {
          double bs = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < k; c++) {
            double s = dot(cent[c], idxs.get(i), x[i]);
            if (s > bs) {
              bs = s;
              lab[i] = c;
            }
          }
          obj += bs;
        }
        double[][] nc = new double[k][dim];
        for (int i = 0; i < n; i++) {
          int[] ids = idxs.get(i);
          for (int j = 0; j < ids.length; j++) {
            nc[lab[i]][ids[j]] += x[i][j];
          }
        }
        for (int c = 0; c < k; c++) {
          double norm = 0;
          for (double v : nc[c]) {
            norm += v * v;
          }
          if (norm == 0) {
            continue;
          }
          norm = Math.sqrt(norm);
          for (int j = 0; j < dim; j++) {
            nc[c][j] /= norm;
          }
          cent[c] = nc[c];
        }
      }
      if (obj > bestObj) {
        bestObj = obj;
        List<String> pred = new ArrayList<>();
        for (int l : lab) {
          pred.add("k" + l);
        }
        best = Metrics.of(truth, pred);
      }
    }
    return best;
  }

  private static void setCentroid(double[] c, int[] ids, double[] vals) {
    for (int j = 0; j < ids.length; j++) {
      c[ids[j]] = vals[j];
    }
  }

  private static double dot(double[] c, int[] ids, double[] vals) {
    double s = 0;
    for (int j = 0; j < ids.length; j++) {
      s += c[ids[j]] * vals[j];
    }
    return s;
  }
}
