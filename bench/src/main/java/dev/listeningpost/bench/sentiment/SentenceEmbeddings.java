package dev.listeningpost.bench.sentiment;

import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (int8) embeddings of a labelled set, made by the analyze function's own
 * {@link MiniLmEmbedder} (one inference per text, L2-normalised: the vectors the classifier sees in
 * production), cached as little-endian float32 rows in {@code <cache>/<name>.f32} because embedding
 * the ~46,000 texts takes minutes on two cores.
 */
final class SentenceEmbeddings {

  static final int DIMENSIONS = MiniLmEmbedder.DIMENSION;
  static final Path DEFAULT_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "lp-emb-sentiment");
  private static final int CHUNK = 512;

  private static MiniLmEmbedder embedder;

  private SentenceEmbeddings() {
  }

  static float[][] of(LabelledSet set, Path cache) throws IOException {
    return of(set.name(), set.texts(), cache);
  }

  static float[][] of(String name, List<String> texts, Path cache) throws IOException {
    Path file = cache.resolve(name + ".f32");
    int n = texts.size();
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
    if (embedder == null) {
      embedder = new MiniLmEmbedder();
    }
    long t0 = System.nanoTime();
    float[][] out = new float[n][];
    ByteBuffer bb = ByteBuffer.allocate(n * DIMENSIONS * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int from = 0; from < n; from += CHUNK) {
      List<float[]> vectors = embedder.embedAll(texts.subList(from, Math.min(n, from + CHUNK)));
      for (int i = 0; i < vectors.size(); i++) {
        out[from + i] = vectors.get(i);
        for (float f : vectors.get(i)) {
          bb.putFloat(f);
        }
      }
      if (from / CHUNK % 10 == 9) {
        System.out.printf("  %s: %d/%d embedded (%.0f s)%n", name, from + CHUNK, n, (System.nanoTime() - t0) / 1e9);
      }
    }
    Files.createDirectories(cache);
    Files.write(file, bb.array());
    System.out.printf("embedded %s (%d texts) in %.1f s -> %s%n", name, n, (System.nanoTime() - t0) / 1e9, file);
    return out;
  }

  /** Fills the cache for all five sets: {@code EmbedSets [dataRoot] [cacheDir]}. */
  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : LabelledSet.DEFAULT_ROOT;
    Path cache = args.length > 1 ? Path.of(args[1]) : DEFAULT_CACHE;
    for (LabelledSet s : LabelledSet.loadAll(root)) {
      of(s, cache);
    }
    System.exit(0);
  }
}
