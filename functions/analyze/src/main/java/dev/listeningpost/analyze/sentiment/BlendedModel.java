package dev.listeningpost.analyze.sentiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear model over {@link SentimentFeatures}: standardised features, weights, bias, and the label
 * threshold on its output. Trained offline by bench/TrainBlended; shipped as
 * resources/sentiment/blended-model.json.
 *
 * @param features feature names, must equal {@link SentimentFeatures#NAMES}
 * @param mean per-feature mean used for standardisation
 * @param scale per-feature standard deviation used for standardisation
 * @param weights per-feature weight on the standardised value
 * @param bias intercept
 * @param threshold output &gt;= threshold is positive, &lt;= -threshold negative
 * @param provenance how the weights were made (data, command, held-out figures): documentation only
 * @param embeddingWeights null for a lexical-only model; else one weight per dimension of the
 *     L2-normalised all-MiniLM-L6-v2 sentence embedding of the text
 */
public record BlendedModel(List<String> features, double[] mean, double[] scale, double[] weights,
                           double bias, double threshold, String provenance,
                           double[] embeddingWeights) {

  static final String RESOURCE = "/sentiment/blended-model.json";
  static final String EMBEDDING_RESOURCE = "/sentiment/blended-embedding-model.json";

  public BlendedModel {
    if (!SentimentFeatures.NAMES.equals(features)) {
      throw new IllegalArgumentException("model features " + features
          + " do not match the extractor's " + SentimentFeatures.NAMES);
    }
    int n = features.size();
    if (mean.length != n || scale.length != n || weights.length != n) {
      throw new IllegalArgumentException("model arrays must have " + n + " entries");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    }
    if (embeddingWeights != null && embeddingWeights.length == 0) {
      embeddingWeights = null;
    }
  }

  /** A lexical-only model. */
  public BlendedModel(List<String> features, double[] mean, double[] scale, double[] weights,
                      double bias, double threshold, String provenance) {
    this(features, mean, scale, weights, bias, threshold, provenance, null);
  }

  public boolean usesEmbedding() {
    return embeddingWeights != null;
  }

  /** Embedding dimensions the model expects, 0 for a lexical-only model. */
  public int embeddingDimensions() {
    return embeddingWeights == null ? 0 : embeddingWeights.length;
  }

  /** The output of a lexical-only model for one feature vector, clamped to [-1, 1]. */
  public double predict(double[] x) {
    return predict(x, null);
  }

  /**
   * The model output, clamped to [-1, 1]. The embedding is required by (and only read by) a model
   * that {@link #usesEmbedding()}; it is L2-normalised here so callers may pass raw vectors.
   */
  public double predict(double[] x, float[] embedding) {
    double y = bias;
    for (int i = 0; i < weights.length; i++) {
      y += weights[i] * (x[i] - mean[i]) / scale[i];
    }
    if (embeddingWeights != null) {
      if (embedding == null || embedding.length != embeddingWeights.length) {
        throw new IllegalArgumentException("this model needs a " + embeddingWeights.length
            + "-dimension embedding");
      }
      double norm = 0;
      double dot = 0;
      for (int j = 0; j < embedding.length; j++) {
        norm += (double) embedding[j] * embedding[j];
        dot += embeddingWeights[j] * embedding[j];
      }
      if (norm > 0) {
        y += dot / Math.sqrt(norm);
      }
    }
    return Math.max(-1.0, Math.min(1.0, y));
  }

  private static final class Holder {
    static final BlendedModel BUNDLED = read(BlendedModel.class.getResourceAsStream(RESOURCE));
  }

  private static final class EmbeddingHolder {
    static final BlendedModel BUNDLED = read(BlendedModel.class.getResourceAsStream(EMBEDDING_RESOURCE));
  }

  /** The lexical model shipped with the function, read once. */
  public static BlendedModel bundled() {
    return Holder.BUNDLED;
  }

  /** The model over lexical features plus the sentence embedding, shipped with the function. */
  public static BlendedModel bundledWithEmbedding() {
    return EmbeddingHolder.BUNDLED;
  }

  /**
   * Reads a model file. Uses the streaming parser rather than an ObjectMapper: databind's class
   * loading alone took ~0.4 s of a cold start on a busy 2-core machine, for a file of 8 numbers.
   */
  public static BlendedModel read(InputStream in) {
    if (in == null) {
      throw new IllegalStateException("missing sentiment model resource");
    }
    try (in; JsonParser p = new JsonFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a sentiment model is a JSON object");
      }
      List<String> features = null;
      double[] mean = null;
      double[] scale = null;
      double[] weights = null;
      double[] embeddingWeights = null;
      double bias = Double.NaN;
      double threshold = Double.NaN;
      String provenance = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "features" -> features = strings(p);
          case "mean" -> mean = numbers(p);
          case "scale" -> scale = numbers(p);
          case "weights" -> weights = numbers(p);
          case "embeddingWeights" -> embeddingWeights = value == JsonToken.VALUE_NULL ? null : numbers(p);
          case "bias" -> bias = p.getDoubleValue();
          case "threshold" -> threshold = p.getDoubleValue();
          case "provenance" -> provenance = p.getValueAsString();
          default -> p.skipChildren();
        }
      }
      if (features == null || mean == null || scale == null || weights == null || Double.isNaN(bias)) {
        throw new IOException("incomplete sentiment model");
      }
      return new BlendedModel(features, mean, scale, weights, bias, threshold, provenance, embeddingWeights);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sentiment model", e);
    }
  }

  private static List<String> strings(JsonParser p) throws IOException {
    List<String> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(p.getValueAsString());
    }
    return out;
  }

  private static double[] numbers(JsonParser p) throws IOException {
    List<Double> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(p.getDoubleValue());
    }
    double[] a = new double[out.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = out.get(i);
    }
    return a;
  }
}
