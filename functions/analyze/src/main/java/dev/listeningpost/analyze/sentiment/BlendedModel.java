package dev.listeningpost.analyze.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 */
public record BlendedModel(List<String> features, double[] mean, double[] scale, double[] weights,
                           double bias, double threshold, String provenance) {

  static final String RESOURCE = "/sentiment/blended-model.json";

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
  }

  /** The model output for one feature vector, clamped to [-1, 1]. */
  public double predict(double[] x) {
    double y = bias;
    for (int i = 0; i < weights.length; i++) {
      y += weights[i] * (x[i] - mean[i]) / scale[i];
    }
    return Math.max(-1.0, Math.min(1.0, y));
  }

  private static final class Holder {
    static final BlendedModel BUNDLED = read(BlendedModel.class.getResourceAsStream(RESOURCE));
  }

  /** The model shipped with the function, read once. */
  public static BlendedModel bundled() {
    return Holder.BUNDLED;
  }

  public static BlendedModel read(InputStream in) {
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + RESOURCE);
    }
    try (in) {
      return new ObjectMapper().readValue(in, BlendedModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sentiment model", e);
    }
  }
}
