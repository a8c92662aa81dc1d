package dev.listeningpost.feedback.trends;

/** Exact binomial tails, enough for a two-sided test on counts (no statistics library needed). */
final class Binomial {
  private static final double[] LANCZOS = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7};

  private Binomial() {
  }

  /**
   * Two-sided p-value of observing {@code x} successes in {@code k} trials with success
   * probability {@code p}: twice the smaller tail, capped at 1.
   */
  static double twoSided(long k, long x, double p) {
    if (k == 0) {
      return 1.0;
    }
    double tail = x >= k * p ? upper(k, x, p) : lower(k, x, p);
    return Math.min(1.0, 2 * tail);
  }

  /** P(X >= x), summed from x upwards; only called at or above the mean, where terms shrink. */
  static double upper(long k, long x, double p) {
    double term = Math.exp(logPmf(k, x, p));
    double sum = 0;
    double odds = p / (1 - p);
    for (long i = x; i <= k && term > 0; i++) {
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
      term *= (double) (k - i) / (i + 1) * odds;
    }
    return Math.min(1.0, sum);
  }

  /** P(X <= x), summed from x downwards; only called below the mean. */
  static double lower(long k, long x, double p) {
    double term = Math.exp(logPmf(k, x, p));
    double sum = 0;
    double odds = (1 - p) / p;
    for (long i = x; i >= 0 && term > 0; i--) {
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
      term *= (double) i / (k - i + 1) * odds;
    }
    return Math.min(1.0, sum);
  }

  static double logPmf(long k, long x, double p) {
    return logGamma(k + 1.0) - logGamma(x + 1.0) - logGamma(k - x + 1.0) + x * Math.log(p) + (k - x) * Math.log1p(-p);
  }

  /** ln Γ(z) for z >= 0.5 (Lanczos, g = 7): relative error about 1e-15. */
  static double logGamma(double z) {
    double x = z - 1;
    double a = LANCZOS[0];
    double t = x + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      a += LANCZOS[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
