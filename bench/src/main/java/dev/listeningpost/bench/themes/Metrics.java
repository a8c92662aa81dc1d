package dev.listeningpost.bench.themes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** External clustering scores: NMI (arithmetic mean, as scikit-learn), ARI, V-measure. */
final class Metrics {
  record Scores(double nmi, double ari, double vMeasure, int clusters) {
  }

  private Metrics() {
  }

  static Scores of(List<String> truth, List<String> predicted) {
    int n = truth.size();
    Map<String, Integer> ti = new HashMap<>();
    Map<String, Integer> pi = new HashMap<>();
    int[] t = new int[n];
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = ti.computeIfAbsent(truth.get(i), k -> ti.size());
      p[i] = pi.computeIfAbsent(predicted.get(i), k -> pi.size());
    }
    Map<Long, Integer> joint = new HashMap<>();
    int[] a = new int[ti.size()];
    int[] b = new int[pi.size()];
    for (int i = 0; i < n; i++) {
      joint.merge(((long) t[i] << 32) | p[i], 1, Integer::sum);
      a[t[i]]++;
      b[p[i]]++;
    }
    double hT = entropy(a, n);
    double hP = entropy(b, n);
    double mi = 0;
    for (var e : joint.entrySet()) {
      int ta = (int) (e.getKey() >>> 32);
      int pb = (int) (e.getKey() & 0xffffffffL);
      double nij = e.getValue();
      mi += nij / n * Math.log(nij * n / ((double) a[ta] * b[pb]));
    }
    double nmi = hT + hP == 0 ? 1 : 2 * mi / (hT + hP);
    double homogeneity = hT == 0 ? 1 : mi / hT;
    double completeness = hP == 0 ? 1 : mi / hP;
    double v = homogeneity + completeness == 0 ? 0 : 2 * homogeneity * completeness / (homogeneity + completeness);
    double sumJoint = 0;
    for (int c : joint.values()) {
      sumJoint += c2(c);
    }
    double sumA = 0;
    for (int c : a) {
      sumA += c2(c);
    }
    double sumB = 0;
    for (int c : b) {
      sumB += c2(c);
    }
    double expected = sumA * sumB / c2(n);
    double max = (sumA + sumB) / 2;
    double ari = max == expected ? 1 : (sumJoint - expected) / (max - expected);
    return new Scores(nmi, ari, v, pi.size());
  }

  private static double c2(long x) {
    return x * (x - 1) / 2.0;
  }

  private static double entropy(int[] counts, int n) {
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        h -= (double) c / n * Math.log((double) c / n);
      }
    }
    return h;
  }
}
