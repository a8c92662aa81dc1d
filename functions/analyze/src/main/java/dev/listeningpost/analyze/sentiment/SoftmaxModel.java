package dev.listeningpost.analyze.sentiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multinomial logistic-regression (softmax) head over {@link SentimentFeatures} and, optionally,
 * the text's sentence embedding. Classes are in {@link SentimentScorer.Label} order (negative,
 * neutral, positive). Trained offline by bench/TrainSentiment; shipped as
 * resources/sentiment/classifier-*.json. The bias already includes the class-prior offsets chosen
 * in training, so the arg-max of {@link #probabilities} is the calibrated label.
 *
 * @param features feature names, must equal {@link SentimentFeatures#NAMES}
 * @param mean per-feature mean used for standardisation
 * @param scale per-feature standard deviation used for standardisation
 * @param embeddingDimensions 0 for a lexical-only model; else the size of the (L2-normalised)
 *     all-MiniLM-L6-v2 embedding the model reads after the lexical features
 * @param weights one row per class, each {@code features.size() + embeddingDimensions} long
 * @param bias one intercept per class
 * @param provenance how the weights were made (data, command, held-out figures): documentation only
 */
public record SoftmaxModel(List<String> features, double[] mean, double[] scale, int embeddingDimensions,
                           double[][] weights, double[] bias, String provenance) {

  static final String EMBEDDING_RESOURCE = "/sentiment/classifier-embedding.json";
  static final String LEXICAL_RESOURCE = "/sentiment/classifier-lexical.json";
  public static final int CLASSES = 3;

  public SoftmaxModel {
    if (!SentimentFeatures.NAMES.equals(features)) {
      throw new IllegalArgumentException("model features " + features
          + " do not match the extractor's " + SentimentFeatures.NAMES);
    }
    int n = features.size();
    if (mean.length != n || scale.length != n) {
      throw new IllegalArgumentException("mean and scale must have " + n + " entries");
    }
    if (weights.length != CLASSES || bias.length != CLASSES) {
      throw new IllegalArgumentException("a sentiment model has " + CLASSES + " classes");
    }
    for (double[] row : weights) {
      if (row.length != n + embeddingDimensions) {
        throw new IllegalArgumentException("each weight row must have " + (n + embeddingDimensions) + " entries");
      }
    }
  }

  public boolean usesEmbedding() {
    return embeddingDimensions > 0;
  }

  /**
   * P(negative), P(neutral), P(positive) for one feature vector. The embedding is required by (and
   * only read by) a model that {@link #usesEmbedding()}; it is L2-normalised here.
   */
  public double[] probabilities(double[] x, float[] embedding) {
    if (usesEmbedding() && (embedding == null || embedding.length != embeddingDimensions)) {
      throw new IllegalArgumentException("this model needs a " + embeddingDimensions + "-dimension embedding");
    }
    int n = mean.length;
    double[] z = new double[n];
    for (int j = 0; j < n; j++) {
      z[j] = (x[j] - mean[j]) / scale[j];
    }
    double inverseNorm = usesEmbedding() ? inverseNorm(embedding) : 0;
    double[] logits = new double[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      double[] w = weights[c];
      double s = bias[c];
      for (int j = 0; j < n; j++) {
        s += w[j] * z[j];
      }
      double e = 0;
      for (int j = 0; j < embeddingDimensions; j++) {
        e += w[n + j] * embedding[j];
      }
      logits[c] = s + e * inverseNorm;
    }
    return softmax(logits);
  }

  private static double inverseNorm(float[] v) {
    double sum = 0;
    for (float f : v) {
      sum += (double) f * f;
    }
    return sum > 0 ? 1.0 / Math.sqrt(sum) : 0;
  }

  /** Numerically stable softmax. */
  public static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      p[c] = Math.exp(logits[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < logits.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  private static final class EmbeddingHolder {
    static final SoftmaxModel BUNDLED = read(SoftmaxModel.class.getResourceAsStream(EMBEDDING_RESOURCE));
  }

  private static final class LexicalHolder {
    static final SoftmaxModel BUNDLED = read(SoftmaxModel.class.getResourceAsStream(LEXICAL_RESOURCE));
  }

  /** The model over lexical features plus the sentence embedding, shipped with the function. */
  public static SoftmaxModel bundledWithEmbedding() {
    return EmbeddingHolder.BUNDLED;
  }

  /** The lexical-only fallback model, shipped with the function. */
  public static SoftmaxModel bundledLexical() {
    return LexicalHolder.BUNDLED;
  }

  /**
   * Reads a model file. Uses the streaming parser rather than an ObjectMapper: databind's class
   * loading alone took ~0.4 s of a cold start on a busy 2-core machine.
   */
  public static SoftmaxModel read(InputStream in) {
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
      double[][] weights = null;
      double[] bias = null;
      int embeddingDimensions = -1;
      String provenance = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "features" -> features = strings(p);
          case "mean" -> mean = numbers(p);
          case "scale" -> scale = numbers(p);
          case "weights" -> weights = matrix(p);
          case "bias" -> bias = numbers(p);
          case "embeddingDimensions" -> embeddingDimensions = p.getIntValue();
          case "provenance" -> provenance = p.getValueAsString();
          default -> p.skipChildren();
        }
      }
      if (features == null || mean == null || scale == null || weights == null || bias == null
          || embeddingDimensions < 0) {
        throw new IOException("incomplete sentiment model");
      }
      return new SoftmaxModel(features, mean, scale, embeddingDimensions, weights, bias, provenance);
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

  private static double[][] matrix(JsonParser p) throws IOException {
    List<double[]> rows = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      rows.add(numbers(p));
    }
    return rows.toArray(new double[0][]);
  }

  private static double[] numbers(JsonParser p) throws IOException {
    double[] a = new double[16];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = p.getDoubleValue();
    }
    return Arrays.copyOf(a, n);
  }
}
