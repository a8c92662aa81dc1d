package dev.listeningpost.analyze.wiring;

import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.sentiment.SentimentScorer;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.priming.Priming;
import dev.listeningpost.feedback.store.FeedbackStore;

/**
 * The analyze artifact's SnapStart priming (see {@link Priming}), registered where its services are wired,
 * by the function and by the cold-start benchmark's plain baselines alike. Reads and computes only.
 */
public final class AnalyzePriming {
  private AnalyzePriming() {
  }

  /**
   * The stream function: one embedding (loads the ONNX session and the tokenizer, the largest part of a cold
   * first batch), one sentiment score, the themes an item is assigned to, and the feedback client's first
   * request (a GetItem of a key that never exists).
   */
  public static Priming.Hook analyze(Embedder embedder, SentimentScorer sentiment, FeedbackStore feedback,
                                     ThemeStore themes) {
    return Priming.register("analyze", () -> {
      embedder.embed("Priming the embedding session before the snapshot.");
      sentiment.score("Priming the sentiment scorer before the snapshot.");
      themes.themes();
      feedback.find(Priming.ABSENT_ID);
    });
  }

  /** The nightly re-cluster: its reads of the job state, the themes and a day of feedback long before any data. */
  public static Priming.Hook themes(FeedbackStore feedback, ThemeStore themes) {
    return Priming.register("themes", () -> {
      themes.state();
      themes.themes();
      feedback.analyzedBetween(Priming.EPOCH, Priming.EPOCH.plus(java.time.Duration.ofDays(1)));
    });
  }
}
