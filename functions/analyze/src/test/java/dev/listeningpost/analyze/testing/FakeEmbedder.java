package dev.listeningpost.analyze.testing;

import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.themes.TermLabelerAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A fast deterministic bag-of-words embedder for tests: each word a fixed random direction. */
public final class FakeEmbedder implements Embedder {
  public static final int DIM = 64;

  @Override
  public int dimension() {
    return DIM;
  }

  @Override
  public float[] embed(String text) {
    double[] sum = new double[DIM];
    for (String w : TermLabelerAccess.tokens(text)) {
      Random r = new Random(w.hashCode());
      for (int i = 0; i < DIM; i++) {
        sum[i] += r.nextGaussian();
      }
    }
    double n = 0;
    for (double x : sum) {
      n += x * x;
    }
    float[] out = new float[DIM];
    for (int i = 0; i < DIM && n > 0; i++) {
      out[i] = (float) (sum[i] / Math.sqrt(n));
    }
    return out;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>();
    texts.forEach(t -> out.add(embed(t)));
    return out;
  }
}
