package dev.listeningpost.feedback.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingCodecTest {

  private static float[] unitVector(Random random, int dim) {
    float[] v = new float[dim];
    double n = 0;
    for (int i = 0; i < dim; i++) {
      v[i] = (float) random.nextGaussian();
      n += v[i] * v[i];
    }
    for (int i = 0; i < dim; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void aModelSizedVectorIsStoredInOneByteADimensionPlusAScale() {
    float[] v = unitVector(new Random(1), 384);
    byte[] stored = EmbeddingCodec.encode(v);
    assertEquals(389, stored.length, "384 int8 + 4-byte scale + version byte, not 1,536 bytes of float32");
    assertEquals(EmbeddingCodec.INT8_V1, stored[0]);
    float[] back = EmbeddingCodec.decode(stored);
    float step = stored.length > 0 ? maxAbs(v) / 127f : 0;
    for (int i = 0; i < v.length; i++) {
      assertEquals(v[i], back[i], step / 2 + 1e-7f, "within half a quantisation step at " + i);
    }
  }

  @Test
  void itemsWrittenBeforeQuantisationStillDecodeExactly() {
    float[] v = unitVector(new Random(2), 384);
    byte[] legacy = EmbeddingCodec.float32(v);
    assertEquals(1536, legacy.length);
    assertArrayEquals(v, EmbeddingCodec.decode(legacy));
  }

  @Test
  void lengthsThatCouldBeMistakenForFloat32StayFloat32() {
    float[] odd = {0.25f, -1.5f, 3.0f};
    byte[] stored = EmbeddingCodec.encode(odd);
    assertEquals(12, stored.length);
    assertArrayEquals(odd, EmbeddingCodec.decode(stored));
    float[] notFinite = {Float.NaN, 1, 2, 3};
    assertEquals(16, EmbeddingCodec.encode(notFinite).length);
  }

  @Test
  void zeroVectorRoundTrips() {
    float[] zero = new float[384];
    assertArrayEquals(zero, EmbeddingCodec.decode(EmbeddingCodec.encode(zero)));
  }

  @Test
  void garbageIsRejectedRatherThanMisread() {
    assertThrows(IllegalArgumentException.class, () -> EmbeddingCodec.decode(new byte[] {9, 0, 0, 0, 0, 1, 2, 3, 4}));
  }

  @Test
  void cosineMovesByLessThanOneHundredthOnUnitVectors() {
    // Synthetic unit vectors; the analyze module's StoredEmbeddingQualityTest does the same on the model's output.
    Random random = new Random(3);
    float[][] v = new float[200][];
    for (int i = 0; i < v.length; i++) {
      v[i] = unitVector(random, 384);
    }
    double worst = 0;
    for (int i = 0; i < v.length; i++) {
      for (int j = i + 1; j < v.length; j++) {
        double exact = dot(v[i], v[j]);
        double stored = dot(EmbeddingCodec.decode(EmbeddingCodec.encode(v[i])),
            EmbeddingCodec.decode(EmbeddingCodec.encode(v[j])));
        worst = Math.max(worst, Math.abs(exact - stored));
      }
    }
    assertTrue(worst < 0.01, "max |cos - cos'| = " + worst);
  }

  private static float maxAbs(float[] v) {
    float m = 0;
    for (float x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
