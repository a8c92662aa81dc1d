package dev.listeningpost.analyze.sentiment;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The default scorer: a 3-class (negative / neutral / positive) softmax classifier over VADER's
 * sub-scores, feedback cues (complaints, requests, politeness or sarcasm around a complaint) and,
 * when the caller has it, the text's all-MiniLM-L6-v2 sentence embedding (the analyze function
 * computes one for theme assignment). Without an embedding a lexical-only model is used: the
 * scorer never computes embeddings itself. Held-out figures: docs/performance/sentiment.md.
 *
 * <p>The label is the arg-max of the calibrated class probabilities, so neutral is predicted
 * whenever it is the most probable class, not only in a thin band around 0. The compound score,
 * kept for ordering and averages, is P(positive) - P(negative), in [-1, 1].
 *
 * <p>Feedback that asks for something ("it would be great if exports supported CSV", "please add
 * dark mode, the white screen hurts my eyes") is never labelled negative unless it also reports a
 * failure: a request is not a complaint. Praise that opens a bad service situation ("Thanks for
 * keeping me on hold for an hour") is sarcasm and labelled negative.
 */
@Singleton
public final class SentimentClassifier implements SentimentScorer {

  private final VaderScorer vader;
  private final SoftmaxModel lexical;
  private final SoftmaxModel withEmbedding;

  @Inject
  public SentimentClassifier() {
    this(new VaderScorer(), SoftmaxModel.bundledLexical(), SoftmaxModel.bundledWithEmbedding());
  }

  /**
   * @param lexical model used when no embedding is given
   * @param withEmbedding model that also reads the embedding, or null
   */
  public SentimentClassifier(VaderScorer vader, SoftmaxModel lexical, SoftmaxModel withEmbedding) {
    if (lexical.usesEmbedding()) {
      throw new IllegalArgumentException("the fallback model must not need an embedding");
    }
    if (withEmbedding != null && !withEmbedding.usesEmbedding()) {
      throw new IllegalArgumentException("the embedding model must read an embedding");
    }
    this.vader = vader;
    this.lexical = lexical;
    this.withEmbedding = withEmbedding;
  }

  /** Class probabilities (negative, neutral, positive) and the calibrated label. */
  public record Prediction(double negative, double neutral, double positive, Label label) {

    /** P(positive) - P(negative): the compound score. */
    public double compound() {
      return positive - negative;
    }

    public Sentiment sentiment() {
      return new Sentiment(compound(), label);
    }
  }

  @Override
  public Sentiment score(String text) {
    return predict(text, null).sentiment();
  }

  /**
   * Uses the embedding model when an embedding of the right size is given (the
   * all-MiniLM-L6-v2 vector of this same text), else the lexical model.
   */
  @Override
  public Sentiment score(String text, float[] embeddingOrNull) {
    return predict(text, embeddingOrNull).sentiment();
  }

  public Prediction predict(String text, float[] embeddingOrNull) {
    if (text == null || text.isBlank()) {
      return new Prediction(0, 1, 0, Label.NEUTRAL);
    }
    boolean useEmbedding = embeddingOrNull != null && withEmbedding != null
        && embeddingOrNull.length == withEmbedding.embeddingDimensions() && !isZero(embeddingOrNull);
    SoftmaxModel m = useEmbedding ? withEmbedding : lexical;
    double[] x = SentimentFeatures.extract(text, vader.analyze(text));
    double[] p = m.probabilities(x, useEmbedding ? embeddingOrNull : null);
    boolean request = SentimentFeatures.isSuggestion(x) && !SentimentFeatures.reportsFailure(text);
    return new Prediction(p[0], p[1], p[2], label(p, request, SentimentFeatures.sarcastic(text)));
  }

  /**
   * Arg-max of the probabilities, with two rules the training sets cannot teach (they hold almost
   * no customer-care complaints): a request that reports no failure is never negative (it takes
   * the more probable of neutral and positive); praise opening a bad service situation ("Thanks for
   * keeping me on hold for an hour", "Great, another delay") is sarcasm, so negative.
   */
  public static Label label(double[] p, boolean request, boolean sarcastic) {
    if (sarcastic) {
      return Label.NEGATIVE;
    }
    int best = request ? 1 : 0;
    for (int c = best + 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return Label.values()[best];
  }

  private static boolean isZero(float[] v) {
    for (float f : v) {
      if (f != 0) {
        return false;
      }
    }
    return true;
  }

  /** The lexical fallback model. */
  public SoftmaxModel lexicalModel() {
    return lexical;
  }

  /** The model used when an embedding is given, or null. */
  public SoftmaxModel embeddingModel() {
    return withEmbedding;
  }

  /** Embedding size {@link #score(String, float[])} uses, 0 when it has no embedding model. */
  public int embeddingDimensions() {
    return withEmbedding == null ? 0 : withEmbedding.embeddingDimensions();
  }
}
