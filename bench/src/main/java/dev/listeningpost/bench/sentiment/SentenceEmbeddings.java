package dev.listeningpost.bench.sentiment;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * all-MiniLM-L6-v2 (int8) embeddings of a ground-truth file, one text at a time (so a vector never
 * depends on its batch), cached as little-endian float32 rows in {@code <cache>/<name>.f32} because
 * embedding the 23,700 texts takes minutes on two cores.
 */
final class SentenceEmbeddings {

  static final int DIMENSIONS = 384;
  static final Path DEFAULT_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "lp-sentiment-embeddings");

  private static AllMiniLmL6V2QuantizedEmbeddingModel model;

  private SentenceEmbeddings() {
  }

  static float[][] of(GroundTruth set, Path cache) throws IOException {
    Path file = cache.resolve(set.name() + ".f32");
    int n = set.texts().size();
    if (Files.exists(file) && Files.size(file) == (long) n * DIMENSIONS * 4) {
      ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      float[][] out = new float[n][DIMENSIONS];
      for (float[] row : out) {
        for (int j = 0; j < DIMENSIONS; j++) {
          row[j] = bb.getFloat();
        }
      }
      return out;
    }
    if (model == null) {
      model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
    long t0 = System.nanoTime();
    float[][] out = new float[n][];
    ByteBuffer bb = ByteBuffer.allocate(n * DIMENSIONS * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      out[i] = model.embed(set.texts().get(i)).content().vector();
      for (float f : out[i]) {
        bb.putFloat(f);
      }
    }
    Files.createDirectories(cache);
    Files.write(file, bb.array());
    System.out.printf("embedded %s (%d texts) in %.1f s -> %s%n", set.name(), n,
        (System.nanoTime() - t0) / 1e9, file);
    return out;
  }
}
