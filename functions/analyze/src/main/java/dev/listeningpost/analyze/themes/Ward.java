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

  private Ward(int n, int dim, List<Merge> merges) {
    this.n = n;
    this.dim = dim;
    this.merges = merges;
  }

  static Ward of(List<float[]> points) {
    int n = points.size();
    int dim = n == 0 ? 0 : points.get(0).length;
    List<Merge> merges = n < 2 ? List.of() : chain(points);
    return new Ward(n, dim, merges);
  }

  private static int idx(int i, int j, int n) {
    if (i > j) {
      int t = i;
      i = j;
      j = t;
    }
    return (int) ((long) i * (2L * n - i - 1) / 2 + (j - i - 1));
  }

  private static List<Merge> chain(List<float[]> x) {
    int n = x.size();
    double[] d = new double[(int) ((long) n * (n - 1) / 2)];
    for (int i = 0; i < n; i++) {
      float[] xi = x.get(i);
      int base = idx(i, i + 1 < n ? i + 1 : i, n);
      for (int j = i + 1; j < n; j++) {
        // For unit vectors with unit weights: (1*1/2) |xi - xj|^2 = 1 - cos.
        d[base + (j - i - 1)] = Math.max(0, 1 - Vectors.dot(xi, x.get(j)));
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
}
