package dev.listeningpost.bench.sentiment;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Weighted multinomial logistic regression (softmax, 3 classes) with an L2 penalty on the weights
 * (not the intercepts), fitted by L-BFGS with a backtracking line search. Deterministic: the
 * gradient is summed over fixed row chunks in a fixed order.
 */
final class Softmax {

  static final int K = 3;
  private static final int HISTORY = 10;
  private static final int CHUNK = 2048;

  private Softmax() {
  }

  /** Fitted parameters: {@code weights[c][j]}, {@code bias[c]}. */
  record Fit(double[][] weights, double[] bias, int iterations, double loss) {
  }

  /**
   * @param x rows (already standardised)
   * @param y class of each row, 0..2
   * @param w sample weights (the loss is their weighted sum)
   * @param lambda L2 penalty per input column: sum over classes of lambda[j] / 2 * W[c][j]^2
   */
  static Fit fit(float[][] x, int[] y, double[] w, double[] lambda, int maxIterations) {
    int d = x[0].length;
    int p = K * (d + 1);
    double[] theta = new double[p];
    double[] grad = new double[p];
    double f = lossAndGradient(x, y, w, lambda, theta, grad);
    double[][] s = new double[HISTORY][];
    double[][] t = new double[HISTORY][];
    double[] rho = new double[HISTORY];
    int stored = 0;
    int iter = 0;
    double[] newGrad = new double[p];
    for (; iter < maxIterations; iter++) {
      double[] dir = direction(grad, s, t, rho, stored);
      double slope = dot(dir, grad);
      if (slope >= 0) {
        // Not a descent direction (numerical trouble): restart from the gradient.
        stored = 0;
        dir = scaled(grad, -1);
        slope = dot(dir, grad);
      }
      double step = iter == 0 ? 1.0 / Math.max(1e-12, Math.sqrt(dot(grad, grad))) : 1.0;
      double[] next = new double[p];
      double fNext;
      int tries = 0;
      while (true) {
        for (int i = 0; i < p; i++) {
          next[i] = theta[i] + step * dir[i];
        }
        fNext = lossAndGradient(x, y, w, lambda, next, newGrad);
        if (fNext <= f + 1e-4 * step * slope || ++tries > 30) {
          break;
        }
        step *= 0.5;
      }
      double[] sk = new double[p];
      double[] tk = new double[p];
      for (int i = 0; i < p; i++) {
        sk[i] = next[i] - theta[i];
        tk[i] = newGrad[i] - grad[i];
      }
      double st = dot(sk, tk);
      if (st > 1e-12) {
        if (stored == HISTORY) {
          System.arraycopy(s, 1, s, 0, HISTORY - 1);
          System.arraycopy(t, 1, t, 0, HISTORY - 1);
          System.arraycopy(rho, 1, rho, 0, HISTORY - 1);
          stored--;
        }
        s[stored] = sk;
        t[stored] = tk;
        rho[stored] = 1.0 / st;
        stored++;
      }
      double decrease = f - fNext;
      theta = next;
      System.arraycopy(newGrad, 0, grad, 0, p);
      f = fNext;
      if (decrease < 1e-7 * Math.max(1.0, Math.abs(f))) {
        break;
      }
    }
    double[][] weights = new double[K][];
    double[] bias = new double[K];
    for (int c = 0; c < K; c++) {
      weights[c] = Arrays.copyOfRange(theta, c * (d + 1), c * (d + 1) + d);
      bias[c] = theta[c * (d + 1) + d];
    }
    return new Fit(weights, bias, iter, f);
  }

  /** L-BFGS two-loop recursion: an approximation of -H^-1 g. */
  private static double[] direction(double[] g, double[][] s, double[][] t, double[] rho, int m) {
    double[] q = g.clone();
    double[] alpha = new double[m];
    for (int k = m - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], q);
      axpy(-alpha[k], t[k], q);
    }
    if (m > 0) {
      double gamma = dot(s[m - 1], t[m - 1]) / dot(t[m - 1], t[m - 1]);
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    }
    for (int k = 0; k < m; k++) {
      double beta = rho[k] * dot(t[k], q);
      axpy(alpha[k] - beta, s[k], q);
    }
    return scaled(q, -1);
  }

  static double lossAndGradient(float[][] x, int[] y, double[] w, double[] lambda, double[] theta, double[] grad) {
    int n = x.length;
    int d = x[0].length;
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[][] partialGrad = new double[chunks][];
    double[] partialLoss = new double[chunks];
    IntStream.range(0, chunks).parallel().forEach(ch -> {
      double[] g = new double[grad.length];
      double loss = 0;
      double[] logits = new double[K];
      for (int i = ch * CHUNK; i < Math.min(n, (ch + 1) * CHUNK); i++) {
        float[] row = x[i];
        for (int c = 0; c < K; c++) {
          int o = c * (d + 1);
          double z = theta[o + d];
          for (int j = 0; j < d; j++) {
            z += theta[o + j] * row[j];
          }
          logits[c] = z;
        }
        double[] prob = softmax(logits);
        loss -= w[i] * Math.log(Math.max(prob[y[i]], 1e-300));
        for (int c = 0; c < K; c++) {
          double r = w[i] * (prob[c] - (c == y[i] ? 1 : 0));
          int o = c * (d + 1);
          for (int j = 0; j < d; j++) {
            g[o + j] += r * row[j];
          }
          g[o + d] += r;
        }
      }
      partialGrad[ch] = g;
      partialLoss[ch] = loss;
    });
    Arrays.fill(grad, 0);
    double loss = 0;
    for (int ch = 0; ch < chunks; ch++) {
      loss += partialLoss[ch];
      axpy(1, partialGrad[ch], grad);
    }
    for (int c = 0; c < K; c++) {
      int o = c * (d + 1);
      for (int j = 0; j < d; j++) {
        loss += 0.5 * lambda[j] * theta[o + j] * theta[o + j];
        grad[o + j] += lambda[j] * theta[o + j];
      }
    }
    return loss;
  }

  static double[] softmax(double[] logits) {
    double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
    double[] p = new double[K];
    double sum = 0;
    for (int c = 0; c < K; c++) {
      p[c] = Math.exp(logits[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < K; c++) {
      p[c] /= sum;
    }
    return p;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double[] scaled(double[] v, double a) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = a * v[i];
    }
    return out;
  }
}
