package dev.listeningpost.bench.sentiment;

/** Pearson r, 3-class accuracy and macro-F1 (labels -1, 0, 1). */
final class Metrics {

  private Metrics() {
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  static double accuracy(int[] truth, int[] predicted) {
    int ok = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] == predicted[i]) {
        ok++;
      }
    }
    return ok / (double) truth.length;
  }

  static double macroF1(int[] truth, int[] predicted) {
    double sum = 0;
    for (int c = -1; c <= 1; c++) {
      sum += f1(truth, predicted, c);
    }
    return sum / 3;
  }

  /** F1 of one class (-1, 0 or 1); 0 when the class is never predicted correctly. */
  static double f1(int[] truth, int[] predicted, int c) {
    {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < truth.length; i++) {
        boolean t = truth[i] == c;
        boolean p = predicted[i] == c;
        if (t && p) {
          tp++;
        } else if (p) {
          fp++;
        } else if (t) {
          fn++;
        }
      }
      return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
  }

  /** Class indices 0..2 to labels -1..1. */
  static int[] toLabels(int[] cls) {
    int[] out = new int[cls.length];
    for (int i = 0; i < cls.length; i++) {
      out[i] = cls[i] - 1;
    }
    return out;
  }

  static int[] labels(double[] scores, double threshold) {
    int[] out = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = scores[i] >= threshold ? 1 : scores[i] <= -threshold ? -1 : 0;
    }
    return out;
  }

  static int[] humanLabels(double[] ratings) {
    int[] out = new int[ratings.length];
    for (int i = 0; i < ratings.length; i++) {
      out[i] = GroundTruth.humanLabel(ratings[i]);
    }
    return out;
  }
}
