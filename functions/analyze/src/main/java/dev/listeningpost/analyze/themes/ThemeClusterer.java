package dev.listeningpost.analyze.themes;

import dev.listeningpost.analyze.embed.Embedder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds themes in the bounded sample. Plain Java, no I/O: the nightly job, the offline
 * {@link ClusterBatch} command and the benchmarks all run this code.
 *
 * <p>First run (no themes yet): Ward clustering of the sample; the coarsest cut whose mean
 * silhouette is within 10% of the best (among cuts no finer than the one the Bayesian information
 * criterion of a spherical Gaussian mixture prefers); then every cluster too broad to be one theme
 * (mean pairwise cosine below {@link ThemeSettings#minCohesion()}) is split along the Ward tree;
 * near-identical themes merge; a few nearest-centre rounds (spherical k-means seeded by those themes)
 * let members settle in the theme whose centre they are closest to. So the number of themes comes
 * from the data, and one company's feedback does not collapse into a catch-all. Clusters with fewer than {@code minThemeSize} members
 * are not themes. Every member then joins its nearest theme centre if it is similar enough. The
 * sample holds customers' items only (see {@link CustomerVoice}).
 *
 * <p>Later runs start from the previous themes (their centres, and each member's previous theme)
 * so ids stay put: a few assignment/centre rounds let themes drift with the data; members no theme
 * explains are clustered the same way as a first run and become new themes; a theme that the same
 * criterion says is two, or that has become too broad, is split (the larger part keeps the id); themes whose centres become
 * near-identical merge; themes left with too few members retire, pointing at the theme that took
 * their members.
 */
public final class ThemeClusterer {
  private final ThemeSettings s;
  /** How far below {@code minCohesion} a carried-over theme may drift before it is split. */
  static final double SPLIT_HYSTERESIS = 0.05;
  private final TermLabeler labeler;

  public ThemeClusterer(ThemeSettings settings) {
    this(settings, null);
  }

  /** @param embedder embeds label candidates, to rank them by closeness to the theme centre (null: not used) */
  public ThemeClusterer(ThemeSettings settings, Embedder embedder) {
    this.s = settings;
    this.labeler = new TermLabeler(settings.labelTerms(), settings, embedder);
  }

  /** Themes (active and retired) and the sample's members with their new theme ids. */
  public record Result(List<Theme> themes, List<Member> members, ThemeIndex index) {
    public List<Theme> active() {
      return themes.stream().filter(Theme::active).toList();
    }
  }

  public Result recluster(List<Member> sample, List<Theme> previous, Instant now) {
    List<Member> pts = sample.stream().filter(m -> m.vector() != null && !Vectors.isZero(m.vector())).toList();
    Map<String, Theme> prev = new LinkedHashMap<>();
    previous.forEach(t -> prev.put(t.id(), t));
    ThemeIndex prevIndex = new ThemeIndex(previous, s);
    List<Theme> prevActive = prevIndex.active();

    // cluster id -> member indices; ids are previous theme ids or new ones.
    Map<String, List<Integer>> clusters;
    if (prevActive.isEmpty()) {
      clusters = coldClusters(pts, prev.keySet());
    } else {
      clusters = warmClusters(pts, prevActive, prevIndex, prev.keySet());
    }
    Map<String, float[]> centroids = centroids(pts, clusters);
    // Final membership: nearest centre, sticky for members that already had a theme.
    clusters = assignAll(pts, centroids, prevIndex, true);
    clusters.values().removeIf(List::isEmpty);
    centroids = centroids(pts, clusters);

    // Labels from all member texts, per theme, in one pass (class-based TF-IDF needs all themes).
    Map<String, List<String>> texts = new LinkedHashMap<>();
    clusters.forEach((id, idx) -> texts.put(id, idx.stream().map(i -> pts.get(i).text()).toList()));
    Map<String, List<String>> terms = labeler.label(texts, centroids);

    List<Theme> out = new ArrayList<>();
    Map<String, Theme> newActive = new LinkedHashMap<>();
    for (var e : clusters.entrySet()) {
      String id = e.getKey();
      float[] c = centroids.get(id);
      List<Member> ms = e.getValue().stream().map(pts::get).toList();
      Theme old = prev.get(id);
      List<String> t = terms.getOrDefault(id, List.of());
      Theme theme = new Theme(id, TermLabeler.labelOf(t), t, c, old == null ? 0 : old.size(), Theme.Status.ACTIVE,
          null, old == null ? now : old.createdAt(), now, QuoteSelector.select(ms, c, s.quotes()),
          old == null ? Map.of() : old.weekly());
      newActive.put(id, theme);
    }
    // Previous themes that did not survive: retire, pointing at where their members went.
    Map<String, String> memberTheme = new HashMap<>();
    clusters.forEach((id, idx) -> idx.forEach(i -> memberTheme.put(pts.get(i).id(), id)));
    for (Theme old : previous) {
      if (newActive.containsKey(old.id())) {
        continue;
      }
      if (!old.active()) {
        out.add(old);
        continue;
      }
      String heir = heir(old, pts, memberTheme, newActive);
      if (heir != null) {
        Theme h = newActive.get(heir);
        newActive.put(heir, withCounts(h, h.size() + old.size(), sum(h.weekly(), old.weekly())));
      }
      out.add(new Theme(old.id(), old.label(), old.terms(), old.centroid(), old.size(), Theme.Status.RETIRED, heir,
          old.createdAt(), now, old.quotes(), old.weekly()));
    }
    out.addAll(0, newActive.values());
    List<Member> members = new ArrayList<>(sample.size());
    for (Member m : sample) {
      members.add(m.withTheme(memberTheme.get(m.id())));
    }
    return new Result(List.copyOf(out), members, new ThemeIndex(out, s));
  }

  private Map<String, List<Integer>> coldClusters(List<Member> pts, Set<String> taken) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      all.add(i);
    }
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    for (List<Integer> c : discover(pts, all)) {
      out.put(newId(pts, c, taken, out.keySet()), c);
    }
    mergeNear(pts, out);
    // Ward never moves a point once merged, so points near a boundary can sit in the cluster they
    // joined early rather than the one whose centre they are closest to. A few nearest-centre rounds
    // (spherical k-means seeded by the Ward themes, as the warm path already does) fix that; themes
    // left with too few members dissolve, and themes that drifted together merge.
    for (int r = 0; r < s.refineRounds(); r++) {
      Map<String, List<Integer>> next = assign(pts, centroids(pts, out), null, false);
      dropSmall(next);
      out = next;
    }
    mergeNear(pts, out);
    return out;
  }

  /** Ward + BIC over some members; clusters big enough to be themes. */
  private List<List<Integer>> discover(List<Member> pts, List<Integer> subset) {
    List<List<Integer>> out = new ArrayList<>();
    if (subset.size() < s.minThemeSize()) {
      return out;
    }
    List<float[]> vs = subset.stream().map(i -> pts.get(i).vector()).toList();
    Ward ward = Ward.of(vs);
    int k = ward.chooseK(Math.max(1, subset.size() / s.minThemeSize()));
    for (List<Integer> g : ward.refine(k, s.minCohesion(), s.minThemeSize())) {
      out.add(new ArrayList<>(g.stream().map(subset::get).toList()));
    }
    return out;
  }

  private Map<String, List<Integer>> warmClusters(List<Member> pts, List<Theme> prevActive, ThemeIndex prevIndex,
                                                  Set<String> taken) {
    Map<String, float[]> centroids = new LinkedHashMap<>();
    for (Theme t : prevActive) {
      centroids.put(t.id(), t.centroid());
    }
    Map<String, List<Integer>> clusters = Map.of();
    for (int r = 0; r < Math.max(1, s.refineRounds()); r++) {
      clusters = assign(pts, centroids, prevIndex, true);
      dropSmall(clusters);
      centroids = centroids(pts, clusters);
    }
    // Members no theme explains: new themes, found the same way as on a first run.
    List<Integer> pool = unassigned(pts.size(), clusters);
    for (List<Integer> c : discover(pts, pool)) {
      clusters.put(newId(pts, c, taken, clusters.keySet()), c);
    }
    // Splits: a theme whose two halves are further apart than almost all neighbouring themes.
    double typical = typicalNeighbourSimilarity(centroids(pts, clusters));
    for (String id : new ArrayList<>(clusters.keySet())) {
      List<Integer> idx = clusters.get(id);
      if (idx.size() < 2 * s.minThemeSize()) {
        continue;
      }
      int[] label = Ward.of(idx.stream().map(i -> pts.get(i).vector()).toList()).cut(2);
      List<Integer> a = new ArrayList<>();
      List<Integer> b = new ArrayList<>();
      for (int j = 0; j < label.length; j++) {
        (label[j] == 0 ? a : b).add(idx.get(j));
      }
      if (a.size() < b.size()) {
        List<Integer> t = a;
        a = b;
        b = t;
      }
      if (b.size() < s.minThemeSize() || Vectors.dot(centroidOf(pts, a), centroidOf(pts, b)) >= typical) {
        continue;
      }
      clusters.put(id, a);
      String nid = newId(pts, b, taken, clusters.keySet());
      clusters.put(nid, b);
    }
    splitBroad(pts, clusters, taken);
    mergeNear(pts, clusters);
    return clusters;
  }

  /**
   * A theme that has become too broad to be one (e.g. a catch-all from an older run) splits the way a
   * first run would split it; the largest part keeps the id. The threshold is lowered by
   * {@link #SPLIT_HYSTERESIS} so a theme that merely drifted around the threshold keeps its members.
   */
  private void splitBroad(List<Member> pts, Map<String, List<Integer>> clusters, Set<String> taken) {
    for (String id : new ArrayList<>(clusters.keySet())) {
      List<Integer> idx = clusters.get(id);
      if (idx.size() < 2 * s.minThemeSize() || cohesion(pts, idx) >= s.minCohesion() - SPLIT_HYSTERESIS) {
        continue;
      }
      List<List<Integer>> parts = new ArrayList<>();
      for (List<Integer> g : Ward.of(idx.stream().map(i -> pts.get(i).vector()).toList())
          .refine(1, s.minCohesion(), s.minThemeSize())) {
        parts.add(new ArrayList<>(g.stream().map(idx::get).toList()));
      }
      if (parts.size() < 2) {
        continue;
      }
      parts.sort((a, b) -> Integer.compare(b.size(), a.size()));
      clusters.put(id, parts.get(0));
      for (List<Integer> part : parts.subList(1, parts.size())) {
        clusters.put(newId(pts, part, taken, clusters.keySet()), part);
      }
    }
  }

  /** Mean pairwise cosine similarity of some members (unit vectors). */
  private static double cohesion(List<Member> pts, List<Integer> idx) {
    int dim = pts.get(idx.get(0)).vector().length;
    double[] sum = new double[dim];
    for (int i : idx) {
      float[] v = pts.get(i).vector();
      for (int d = 0; d < dim; d++) {
        sum[d] += v[d];
      }
    }
    double sq = 0;
    for (double x : sum) {
      sq += x * x;
    }
    int n = idx.size();
    return n < 2 ? 1 : (sq - n) / ((double) n * (n - 1));
  }

  /** Merges themes whose centres are near-identical (the larger keeps its id). */
  private void mergeNear(List<Member> pts, Map<String, List<Integer>> clusters) {
    double threshold = s.mergeSimilarity();
    // Merges: near-identical centres become one theme; the larger keeps its id.
    Map<String, float[]> centroids = centroids(pts, clusters);
    boolean merged = true;
    while (merged) {
      merged = false;
      String bestA = null;
      String bestB = null;
      double best = threshold;
      List<String> ids = new ArrayList<>(centroids.keySet());
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          double sim = Vectors.dot(centroids.get(ids.get(i)), centroids.get(ids.get(j)));
          if (sim >= best) {
            best = sim;
            bestA = ids.get(i);
            bestB = ids.get(j);
          }
        }
      }
      if (bestA != null) {
        if (clusters.get(bestA).size() < clusters.get(bestB).size()) {
          String t = bestA;
          bestA = bestB;
          bestB = t;
        }
        clusters.get(bestA).addAll(clusters.remove(bestB));
        centroids.remove(bestB);
        centroids.put(bestA, centroidOf(pts, clusters.get(bestA)));
        merged = true;
      }
    }
  }

  /** Lower decile of the similarity of each theme centre to its nearest other centre: distinct themes are at most this close here. */
  static double typicalNeighbourSimilarity(Map<String, float[]> centroids) {
    List<float[]> cs = new ArrayList<>(centroids.values());
    if (cs.size() < 2) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] nearest = new double[cs.size()];
    for (int i = 0; i < cs.size(); i++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < cs.size(); j++) {
        if (i != j) {
          best = Math.max(best, Vectors.dot(cs.get(i), cs.get(j)));
        }
      }
      nearest[i] = best;
    }
    java.util.Arrays.sort(nearest);
    return nearest[nearest.length / 10];
  }

  private Map<String, List<Integer>> assign(List<Member> pts, Map<String, float[]> centroids, ThemeIndex prevIndex,
                                            boolean sticky) {
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    centroids.keySet().forEach(id -> out.put(id, new ArrayList<>()));
    for (int i = 0; i < pts.size(); i++) {
      float[] v = pts.get(i).vector();
      String best = null;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (var e : centroids.entrySet()) {
        double sim = Vectors.dot(v, e.getValue());
        if (sim > bestSim) {
          bestSim = sim;
          best = e.getKey();
        }
      }
      if (best == null || bestSim < s.assignThreshold()) {
        continue;
      }
      if (sticky && pts.get(i).themeId() != null) {
        Theme mine = prevIndex.resolve(pts.get(i).themeId());
        String mineId = mine == null ? pts.get(i).themeId() : mine.id();
        float[] c = centroids.get(mineId);
        if (c != null && !mineId.equals(best)) {
          double sim = Vectors.dot(v, c);
          if (sim >= s.assignThreshold() && sim >= bestSim - s.stickyMargin()) {
            best = mineId;
          }
        }
      }
      out.get(best).add(i);
    }
    return out;
  }

  private Map<String, List<Integer>> assignAll(List<Member> pts, Map<String, float[]> centroids,
                                               ThemeIndex prevIndex, boolean sticky) {
    Map<String, List<Integer>> out = assign(pts, centroids, prevIndex, sticky);
    // Themes that lost too many members to others: dissolve and let their members move.
    if (dropSmall(out)) {
      out = assign(pts, centroids(pts, out), prevIndex, sticky);
    }
    return out;
  }

  private boolean dropSmall(Map<String, List<Integer>> clusters) {
    return clusters.values().removeIf(l -> l.size() < s.minThemeSize());
  }

  private static List<Integer> unassigned(int n, Map<String, List<Integer>> clusters) {
    boolean[] in = new boolean[n];
    clusters.values().forEach(l -> l.forEach(i -> in[i] = true));
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!in[i]) {
        out.add(i);
      }
    }
    return out;
  }

  private static Map<String, float[]> centroids(List<Member> pts, Map<String, List<Integer>> clusters) {
    Map<String, float[]> out = new LinkedHashMap<>();
    clusters.forEach((id, idx) -> {
      if (!idx.isEmpty()) {
        out.put(id, centroidOf(pts, idx));
      }
    });
    return out;
  }

  private static float[] centroidOf(List<Member> pts, List<Integer> idx) {
    int dim = pts.get(idx.get(0)).vector().length;
    return Vectors.centroid(idx.stream().map(i -> pts.get(i).vector()).toList(), dim);
  }

  /** The active theme that took most of a retired theme's sample members, else the nearest close one. */
  private String heir(Theme old, List<Member> pts, Map<String, String> memberTheme, Map<String, Theme> active) {
    Map<String, Long> votes = pts.stream().filter(m -> old.id().equals(m.themeId()))
        .map(m -> memberTheme.get(m.id())).filter(t -> t != null)
        .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
    if (!votes.isEmpty()) {
      return votes.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).get().getKey();
    }
    String best = null;
    double bestSim = s.assignThreshold();
    for (Theme t : active.values()) {
      double sim = old.centroid() == null ? -1 : Vectors.dot(old.centroid(), t.centroid());
      if (sim >= bestSim) {
        bestSim = sim;
        best = t.id();
      }
    }
    return best;
  }

  private static Theme withCounts(Theme t, long size, Map<String, Long> weekly) {
    return new Theme(t.id(), t.label(), t.terms(), t.centroid(), size, t.status(), t.mergedInto(), t.createdAt(),
        t.updatedAt(), t.quotes(), weekly);
  }

  static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }

  /** Deterministic id from the founding members, so the same data gets the same ids. */
  private static String newId(List<Member> pts, List<Integer> idx, Set<String> taken, Set<String> alsoTaken) {
    List<String> ids = idx.stream().map(i -> pts.get(i).id()).sorted().toList();
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String id : ids) {
        md.update(id.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      String base = "t" + HexFormat.of().formatHex(md.digest()).substring(0, 10);
      String id = base;
      for (int n = 2; taken.contains(id) || alsoTaken.contains(id); n++) {
        id = base + "-" + n;
      }
      return id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
