package dev.listeningpost.bench.themes;

import java.util.List;
import java.util.Random;

/** Lloyd's k-means (Euclidean, k-means++ seeding) on dense embeddings: the "told the true k" baseline. */
final class KMeans {
  private KMeans() {
  }

  /** Cluster label per point for one seed. */
  static int[] run(List<float[]> x, int k, long seed, int iterations) {
    int n = x.size();
    int dim = x.get(0).length;
    Random rnd = new Random(seed);
    double[][] c = new double[k][];
    double[] d2 = new double[n];
    java.util.Arrays.fill(d2, Double.MAX_VALUE);
    c[0] = toDouble(x.get(rnd.nextInt(n)));
    for (int j = 1; j < k; j++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        d2[i] = Math.min(d2[i], dist2(x.get(i), c[j - 1]));
        total += d2[i];
      }
      double r = rnd.nextDouble() * total;
      int pick = n - 1;
      for (int i = 0; i < n; i++) {
        r -= d2[i];
        if (r <= 0) {
          pick = i;
          break;
        }
      }
      c[j] = toDouble(x.get(pick));
    }
    int[] label = new int[n];
    for (int it = 0; it < iterations; it++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int j = 0; j < k; j++) {
          double d = dist2(x.get(i), c[j]);
          if (d < bd) {
            bd = d;
            best = j;
          }
        }
        changed |= label[i] != best || it == 0;
        label[i] = best;
      }
      if (!changed) {
        break;
      }
      double[][] sum = new double[k][dim];
      int[] cnt = new int[k];
      for (int i = 0; i < n; i++) {
        float[] v = x.get(i);
        for (int d = 0; d < dim; d++) {
          sum[label[i]][d] += v[d];
        }
        cnt[label[i]]++;
      }
      for (int j = 0; j < k; j++) {
        if (cnt[j] > 0) {
          for (int d = 0; d < dim; d++) {
            sum[j][d] /= cnt[j];
          }
          c[j] = sum[j];
        }
      }
    }
    return label;
  }

  private static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  private static double dist2(float[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s;
  }
}
