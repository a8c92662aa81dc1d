package dev.listeningpost.analyze.sentiment;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The default scorer: VADER's rules plus a small linear model over lexical features, trained on
 * human-rated tweets, product reviews, movie reviews and editorials (see
 * docs/performance/sentiment.md for held-out figures). VADER alone over-reacts to single
 * sentiment words in longer review text and misses product complaints ("stopped working after a
 * week"); the model re-weights its sub-scores and adds those cues.
 *
 * <p>Feedback that asks for something ("it would be great if exports supported CSV", "please add
 * dark mode, the white screen hurts my eyes") is never scored negative unless it also reports a
 * failure: a request is not a complaint, and calling suggestions negative is a known failure of
 * lexicon scorers.
 *
 * <p>When the caller already has the text's all-MiniLM-L6-v2 embedding (the analyze function
 * computes one for theme assignment), {@link #score(String, float[])} uses a second model that also
 * reads the embedding; it is markedly better on review-style text. Without one, the lexical model
 * is used: the scorer never computes embeddings itself.
 *
 * <p>The compound is the model's estimate of the human rating scaled to [-1, 1] (rating / 4), so
 * it is less extreme than VADER's; labels use the model's own threshold.
 */
@Singleton
public final class BlendedScorer implements SentimentScorer {

  private final VaderScorer vader;
  private final BlendedModel model;
  private final BlendedModel embeddingModel;

  @Inject
  public BlendedScorer() {
    this(new VaderScorer(), BlendedModel.bundled(), BlendedModel.bundledWithEmbedding());
  }

  /** A lexical-only scorer with the given model. */
  public BlendedScorer(VaderScorer vader, BlendedModel model) {
    this(vader, model, null);
  }

  /**
   * @param model lexical-only model, used by {@link #score(String)}
   * @param embeddingModel model that also reads the embedding, or null
   */
  public BlendedScorer(VaderScorer vader, BlendedModel model, BlendedModel embeddingModel) {
    if (model.usesEmbedding()) {
      throw new IllegalArgumentException("the default model must not need an embedding");
    }
    if (embeddingModel != null && !embeddingModel.usesEmbedding()) {
      throw new IllegalArgumentException("the embedding model must read an embedding");
    }
    this.vader = vader;
    this.model = model;
    this.embeddingModel = embeddingModel;
  }

  @Override
  public Sentiment score(String text) {
    return score(text, null);
  }

  /**
   * Scores with the embedding model when an embedding of the right size is given (the
   * all-MiniLM-L6-v2 vector of this same text), else with the lexical model.
   */
  public Sentiment score(String text, float[] embeddingOrNull) {
    if (text == null || text.isBlank()) {
      return new Sentiment(0.0, Label.NEUTRAL);
    }
    BlendedModel m = embeddingOrNull != null && embeddingModel != null
        && embeddingOrNull.length == embeddingModel.embeddingDimensions() ? embeddingModel : model;
    VaderScorer.Analysis analysis = vader.analyze(text);
    double[] x = SentimentFeatures.extract(text, analysis);
    double y = m.predict(x, m.usesEmbedding() ? embeddingOrNull : null);
    if (SentimentFeatures.isSuggestion(x) && !SentimentFeatures.reportsFailure(text)) {
      y = Math.max(y, 0.0);
    }
    return new Sentiment(y, label(y, m.threshold()));
  }

  /** The lexical model's label: positive at or above its threshold, negative at or below minus it. */
  public Label label(double compound) {
    return label(compound, model.threshold());
  }

  private static Label label(double compound, double t) {
    return compound >= t ? Label.POSITIVE : compound <= -t ? Label.NEGATIVE : Label.NEUTRAL;
  }

  /** The lexical model. */
  public BlendedModel model() {
    return model;
  }

  /** The model used when an embedding is given, or null. */
  public BlendedModel embeddingModel() {
    return embeddingModel;
  }

  /** Embedding size {@link #score(String, float[])} uses, 0 when it has no embedding model. */
  public int embeddingDimensions() {
    return embeddingModel == null ? 0 : embeddingModel.embeddingDimensions();
  }
}
