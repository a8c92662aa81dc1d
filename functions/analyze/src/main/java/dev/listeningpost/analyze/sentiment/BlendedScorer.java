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
 * <p>The compound is the model's estimate of the human rating scaled to [-1, 1] (rating / 4), so
 * it is less extreme than VADER's; labels use the model's own threshold.
 */
@Singleton
public final class BlendedScorer implements SentimentScorer {

  private final VaderScorer vader;
  private final BlendedModel model;

  @Inject
  public BlendedScorer() {
    this(new VaderScorer(), BlendedModel.bundled());
  }

  public BlendedScorer(VaderScorer vader, BlendedModel model) {
    this.vader = vader;
    this.model = model;
  }

  @Override
  public Sentiment score(String text) {
    if (text == null || text.isBlank()) {
      return new Sentiment(0.0, Label.NEUTRAL);
    }
    VaderScorer.Analysis analysis = vader.analyze(text);
    double[] x = SentimentFeatures.extract(text, analysis);
    double y = model.predict(x);
    if (SentimentFeatures.isSuggestion(x) && !SentimentFeatures.reportsFailure(text)) {
      y = Math.max(y, 0.0);
    }
    return new Sentiment(y, label(y));
  }

  /** Positive at or above the model threshold, negative at or below its negation, else neutral. */
  public Label label(double compound) {
    double t = model.threshold();
    return compound >= t ? Label.POSITIVE : compound <= -t ? Label.NEGATIVE : Label.NEUTRAL;
  }

  public BlendedModel model() {
    return model;
  }
}
