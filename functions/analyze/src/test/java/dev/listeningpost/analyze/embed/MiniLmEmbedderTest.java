package dev.listeningpost.analyze.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder(2);

  @AfterAll
  static void close() {
    EMBEDDER.close();
  }

  @Test
  void sameTextGetsTheSameVectorAloneOrInAnyBatch() {
    String text = "My card payment was declined at the shop";
    float[] alone = EMBEDDER.embed(text);
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(i == 17 ? text : "filler message number " + i + " about something much longer than the text"
          + " so that any padding in a batch would change the result".repeat(i % 3));
    }
    List<float[]> vs = EMBEDDER.embedAll(batch);
    assertArrayEquals(alone, vs.get(17));
    assertArrayEquals(alone, EMBEDDER.embedAll(List.of("other", text)).get(1));
  }

  @Test
  void vectorsAreUnitLengthAndSimilarTextsAreCloser() {
    float[] a = EMBEDDER.embed("I can't log in, my password doesn't work");
    float[] b = EMBEDDER.embed("Login fails with my password");
    float[] c = EMBEDDER.embed("What is the exchange rate for euros?");
    assertEquals(MiniLmEmbedder.DIMENSION, a.length);
    assertEquals(1.0, dot(a, a), 1e-4);
    assertTrue(dot(a, b) > dot(a, c) + 0.2);
  }

  @Test
  void blankTextGetsTheZeroVector() {
    List<float[]> vs = EMBEDDER.embedAll(List.of("", "  ", "hello"));
    assertArrayEquals(new float[MiniLmEmbedder.DIMENSION], vs.get(0));
    assertArrayEquals(new float[MiniLmEmbedder.DIMENSION], vs.get(1));
    assertEquals(1.0, dot(vs.get(2), vs.get(2)), 1e-4);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
