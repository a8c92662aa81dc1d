package dev.listeningpost.analyze.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ward agglomerative clustering of unit vectors (nearest-neighbour chain, O(n^2) time and
 * memory, so it is only ever run on a bounded sample), and the choice of how many clusters the
 * data supports by the Bayesian information criterion of a spherical Gaussian mixture (as in
 * X-means). Distances are Ward's merge costs: the increase in within-cluster sum of squares.
 */
final class Ward {
  /** One merge: the clusters holding points {@code a} and {@code b} joined at this cost. */
  record Merge(int a, int b, double cost) {
  }

  private final int n;
  private final int dim;
  private final List<Merge> merges;
  /** Cosine distances, condensed (i < j), kept for the silhouette. */
  private final float[] cosine;
  private final List<float[]> points;

  private Ward(int n, int dim, List<Merge> merges, float[] cosine, List<float[]> points) {
    this.n = n;
    this.dim = dim;
    this.merges = merges;
    this.cosine = cosine;
    this.points = points;
  }

  static Ward of(List<float[]> points) {
    int n = points.size();
    int dim = n == 0 ? 0 : points.get(0).length;
    float[] cosine = new float[(int) ((long) n * (n - 1) / 2)];
    List<Merge> merges = n < 2 ? List.of() : chain(points, cosine);
    return new Ward(n, dim, merges, cosine, points);
  }

  private static int idx(int i, int j, int n) {
    if (i > j) {
      int t = i;
      i = j;
      j = t;
    }
    return (int) ((long) i * (2L * n - i - 1) / 2 + (j - i - 1));
  }

  private static List<Merge> chain(List<float[]> x, float[] cosine) {
    int n = x.size();
    double[] d = new double[(int) ((long) n * (n - 1) / 2)];
    for (int i = 0; i < n; i++) {
      float[] xi = x.get(i);
      int base = idx(i, i + 1 < n ? i + 1 : i, n);
      for (int j = i + 1; j < n; j++) {
        // For unit vectors with unit weights: (1*1/2) |xi - xj|^2 = 1 - cos.
        double dist = Math.max(0, 1 - Vectors.dot(xi, x.get(j)));
        d[base + (j - i - 1)] = dist;
        cosine[base + (j - i - 1)] = (float) dist;
      }
    }
    int[] size = new int[n];
    Arrays.fill(size, 1);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int[] stack = new int[n];
    int top = 0;
    List<Merge> out = new ArrayList<>(n - 1);
    int next = 0;
    while (out.size() < n - 1) {
      if (top == 0) {
        while (!active[next]) {
          next++;
        }
        stack[top++] = next;
      }
      int a = stack[top - 1];
      int prev = top >= 2 ? stack[top - 2] : -1;
      int b = -1;
      double best = Double.POSITIVE_INFINITY;
      if (prev >= 0) {
        b = prev;
        best = d[idx(a, prev, n)];
      }
      for (int k = 0; k < n; k++) {
        if (k == a || !active[k]) {
          continue;
        }
        double v = d[idx(a, k, n)];
        if (v < best) {
          best = v;
          b = k;
        }
      }
      if (b == prev) {
        top -= 2;
        // Merge b into slot a: the cluster in slot i always contains point i.
        int na = size[a];
        int nb = size[b];
        for (int k = 0; k < n; k++) {
          if (!active[k] || k == a || k == b) {
            continue;
          }
          int nk = size[k];
          double v = ((na + nk) * d[idx(k, a, n)] + (nb + nk) * d[idx(k, b, n)] - nk * best) / (na + nb + nk);
          d[idx(k, a, n)] = v;
        }
        active[b] = false;
        size[a] = na + nb;
        out.add(new Merge(a, b, best));
      } else {
        stack[top++] = b;
      }
    }
    // Ward is reducible, so sorting the chain's merges gives the same hierarchy as greedy merging.
    out.sort(Comparator.comparingDouble(Merge::cost));
    return out;
  }

  /** Cluster label per point (0..k-1, in order of first appearance) when the tree is cut into k clusters. */
  int[] cut(int k) {
    k = Math.max(1, Math.min(n, k));
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int m = 0; m < n - k; m++) {
      Merge mg = merges.get(m);
      parent[find(parent, mg.a())] = find(parent, mg.b());
    }
    int[] label = new int[n];
    int[] map = new int[n];
    Arrays.fill(map, -1);
    int c = 0;
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (map[r] < 0) {
        map[r] = c++;
      }
      label[i] = map[r];
    }
    return label;
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  /**
   * The number of clusters in [kMin, kMax] with the highest BIC of a spherical Gaussian mixture
   * whose components are the clusters of the cut (shared variance, X-means style).
   */
  int bestK(int kMin, int kMax) {
    if (n < 3) {
      return n;
    }
    kMax = Math.min(kMax, n - 1);
    kMin = Math.max(1, Math.min(kMin, kMax));
    double[] bic = bicCurve();
    int best = kMax;
    for (int k = kMax; k >= kMin; k--) {
      if (bic[k] > bic[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * How much silhouette the cut may give up for fewer clusters. The silhouette curve of
   * same-domain text has a long plateau (on Bitext, 0.29-0.31 from 43 to 67 clusters), and its maximum
   * on that plateau is noise; the coarsest cut within 10% of the best is the parsimonious choice
   * (in the spirit of the one-standard-error rule).
   */
  static final double PARSIMONY = 0.1;

  /**
   * The number of clusters: the coarsest cut whose mean silhouette (cosine distance) is within
   * {@link #PARSIMONY} of the best, among cuts of at most the BIC's choice. BIC alone keeps about the same number of clusters for a given sample
   * size whatever the data (~100 for 3,000 points, whether there are 5 or 77 true groups); the
   * silhouette finds the coarser structure when there is one, and BIC bounds it where the
   * silhouette keeps rising with k.
   */
  int chooseK(int kMax) {
    if (n < 3) {
      return n;
    }
    int upper = bestK(1, kMax);
    if (upper <= 2) {
      return upper;
    }
    java.util.TreeSet<Integer> grid = new java.util.TreeSet<>();
    for (double k = 2; k < upper; k *= 1.05) {
      grid.add((int) Math.round(k));
    }
    grid.add(upper);
    java.util.Map<Integer, Double> score = new java.util.TreeMap<>();
    double top = Double.NEGATIVE_INFINITY;
    for (int k : grid) {
      double s = silhouette(cut(k), k);
      score.put(k, s);
      top = Math.max(top, s);
    }
    for (var e : score.entrySet()) {
      if (e.getValue() >= top - PARSIMONY * Math.abs(top)) {
        return e.getKey();
      }
    }
    return upper;
  }

  /** Mean silhouette of a labelling (cosine distance; members of singleton clusters score 0). */
  double silhouette(int[] label, int k) {
    int[] size = new int[k];
    for (int l : label) {
      size[l]++;
    }
    double[] sums = new double[k];
    double total = 0;
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(sums, 0);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sums[label[j]] += cosine[i < j ? idx(i, j, n) : idx(j, i, n)];
        }
      }
      int own = label[i];
      if (size[own] <= 1) {
        continue;
      }
      double a = sums[own] / (size[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && size[c] > 0) {
          b = Math.min(b, sums[c] / size[c]);
        }
      }
      if (Double.isInfinite(b)) {
        continue;
      }
      double m = Math.max(a, b);
      total += m == 0 ? 0 : (b - a) / m;
    }
    return total / n;
  }

  /** BIC for every k in 1..n-1 (index k); computed incrementally along the sorted merges. */
  double[] bicCurve() {
    double[] bic = new double[n + 1];
    Arrays.fill(bic, Double.NEGATIVE_INFINITY);
    int[] parent = new int[n];
    int[] size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
    double sse = 0;
    double sizeLogSize = 0;
    double logN = Math.log(n);
    for (int m = 0; m < merges.size(); m++) {
      Merge mg = merges.get(m);
      int ra = find(parent, mg.a());
      int rb = find(parent, mg.b());
      int sa = size[ra];
      int sb = size[rb];
      parent[ra] = rb;
      size[rb] = sa + sb;
      sizeLogSize += (sa + sb) * Math.log(sa + sb) - xlogx(sa) - xlogx(sb);
      sse += mg.cost();
      int k = n - m - 1;
      double var = sse / ((double) dim * (n - k));
      if (var <= 0) {
        continue;
      }
      double ll = -n * dim / 2.0 * Math.log(2 * Math.PI * var) - (n - k) * dim / 2.0 + sizeLogSize - n * logN;
      bic[k] = ll - k * (dim + 1) / 2.0 * logN;
    }
    return bic;
  }

  private static double xlogx(int s) {
    return s <= 1 ? 0 : s * Math.log(s);
  }

  int size() {
    return n;
  }

  /**
   * Clusters of the k-cut, refined top-down: a cluster whose members are on average less similar to
   * each other than {@code minCohesion} (mean pairwise cosine) is replaced by its two children in the
   * tree, recursively. A child smaller than {@code minSize} is dropped (its points are outliers of
   * that branch; assignment gives them a theme later if one is close enough). The threshold lives
   * in the embedding model's geometry, so it does not depend on how many items or topics there are.
   *
   * @return point indices per cluster, each at least {@code minSize} points
   */
  List<List<Integer>> refine(int k, double minCohesion, int minSize) {
    List<List<Integer>> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    Tree t = tree();
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(t.cut(k));
    while (!todo.isEmpty()) {
      int node = todo.pop();
      if (t.size(node) < minSize) {
        continue;
      }
      if (node < n || t.cohesion(node) >= minCohesion) {
        out.add(t.leaves(node));
        continue;
      }
      int l = t.left[node - n];
      int r = t.right[node - n];
      if (t.size(l) < minSize && t.size(r) < minSize) {
        // Too small to split into themes: all of it is loose talk, not a theme.
        continue;
      }
      todo.push(l);
      todo.push(r);
    }
    out.sort(java.util.Comparator.comparingInt(c -> c.get(0)));
    return out;
  }

  private Tree tree() {
    int[] left = new int[Math.max(0, n - 1)];
    int[] right = new int[Math.max(0, n - 1)];
    int[] parent = new int[n];
    int[] node = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      node[i] = i;
    }
    for (int m = 0; m < merges.size(); m++) {
      int ra = find(parent, merges.get(m).a());
      int rb = find(parent, merges.get(m).b());
      left[m] = node[ra];
      right[m] = node[rb];
      parent[ra] = rb;
      node[rb] = n + m;
    }
    return new Tree(left, right);
  }

  /** The merge tree: leaves are points 0..n-1, node n+m is merge m (merges sorted by cost). */
  private final class Tree {
    final int[] left;
    final int[] right;
    final int[] size;
    final double[][] sum;

    Tree(int[] left, int[] right) {
      this.left = left;
      this.right = right;
      size = new int[2 * n - 1];
      sum = new double[2 * n - 1][];
      for (int i = 0; i < 2 * n - 1; i++) {
        if (i < n) {
          size[i] = 1;
        } else {
          size[i] = size[left[i - n]] + size[right[i - n]];
        }
      }
    }

    int size(int node) {
      return size[node];
    }

    /** Mean cosine similarity over distinct pairs of the node's points (unit vectors). */
    double cohesion(int node) {
      double[] s = sum(node);
      double sq = 0;
      for (double x : s) {
        sq += x * x;
      }
      int m = size[node];
      return m < 2 ? 1 : (sq - m) / ((double) m * (m - 1));
    }

    double[] sum(int node) {
      if (sum[node] == null) {
        // Children have lower node numbers than their parent: fill bottom-up, no deep recursion.
        for (int x = 0; x <= node; x++) {
          if (sum[x] != null) {
            continue;
          }
          double[] s = new double[dim];
          if (x < n) {
            float[] p = points.get(x);
            for (int j = 0; j < dim; j++) {
              s[j] = p[j];
            }
          } else {
            double[] a = sum[left[x - n]];
            double[] b = sum[right[x - n]];
            for (int j = 0; j < dim; j++) {
              s[j] = a[j] + b[j];
            }
          }
          sum[x] = s;
        }
      }
      return sum[node];
    }

    List<Integer> leaves(int node) {
      List<Integer> out = new ArrayList<>();
      java.util.ArrayDeque<Integer> st = new java.util.ArrayDeque<>();
      st.push(node);
      while (!st.isEmpty()) {
        int x = st.pop();
        if (x < n) {
          out.add(x);
        } else {
          st.push(left[x - n]);
          st.push(right[x - n]);
        }
      }
      java.util.Collections.sort(out);
      return out;
    }

    /** The k nodes of the k-cut: undo the costliest merges first. */
    List<Integer> cut(int k) {
      k = Math.max(1, Math.min(n, k));
      java.util.TreeSet<Integer> nodes = new java.util.TreeSet<>();
      nodes.add(n == 1 ? 0 : 2 * n - 2);
      while (nodes.size() < k && nodes.last() >= n) {
        int top = nodes.pollLast();
        nodes.add(left[top - n]);
        nodes.add(right[top - n]);
      }
      return new ArrayList<>(nodes);
    }
  }
}
