package dev.listeningpost.analyze.themes;

import java.util.Collection;

/** Small dense-vector helpers for unit-length sentence embeddings. */
public final class Vectors {
  private Vectors() {
  }

  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  public static float[] normalize(double[] sum) {
    double n = 0;
    for (double x : sum) {
      n += x * x;
    }
    float[] out = new float[sum.length];
    if (n == 0) {
      return out;
    }
    double inv = 1 / Math.sqrt(n);
    for (int i = 0; i < sum.length; i++) {
      out[i] = (float) (sum[i] * inv);
    }
    return out;
  }

  public static float[] normalize(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return normalize(d);
  }

  /** The unit-length mean direction of some unit vectors. */
  public static float[] centroid(Collection<float[]> vectors, int dim) {
    double[] sum = new double[dim];
    for (float[] v : vectors) {
      for (int i = 0; i < dim; i++) {
        sum[i] += v[i];
      }
    }
    return normalize(sum);
  }

  public static boolean isZero(float[] v) {
    for (float x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** 8-bit storage for unit vectors (components lie in [-1, 1]): 384 bytes instead of 1,536. */
  public static byte[] quantize(float[] v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) Math.max(-127, Math.min(127, Math.round(v[i] * 127f)));
    }
    return out;
  }

  public static float[] dequantize(byte[] b) {
    float[] v = new float[b.length];
    for (int i = 0; i < b.length; i++) {
      v[i] = b[i] / 127f;
    }
    return normalize(v);
  }
}
