package dev.listeningpost.analyze;

import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.sentiment.SentimentScorer;
import dev.listeningpost.analyze.themes.ThemeAssigner;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.WriteOutcome;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches new and edited items: sentiment, embedding, theme (online assignment), written with
 * the store's conditional {@code enrich}. Deleted items and items already analyzed for their
 * current text (an edit clears the analysis) are skipped, so a retried batch changes nothing.
 */
@Singleton
public class AnalyzeService {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeService.class);

  private final FeedbackStore store;
  private final SentimentScorer sentiment;
  private final Embedder embedder;
  private final ThemeAssigner themes;
  private final Clock clock;

  public AnalyzeService(FeedbackStore store, SentimentScorer sentiment, Embedder embedder, ThemeAssigner themes,
                        Clock clock) {
    this.store = store;
    this.sentiment = sentiment;
    this.embedder = embedder;
    this.themes = themes;
    this.clock = clock;
  }

  /** What happened to one item. */
  public enum Status { ANALYZED, ALREADY_ANALYZED, DELETED, EMPTY, GONE, FAILED }

  /** Per-item outcome, in input order. {@code error} is set for {@link Status#FAILED}. */
  public record Outcome(String id, Status status, String themeId, String error) {
    public boolean failed() {
      return status == Status.FAILED;
    }
  }

  public List<Outcome> process(List<Feedback> items) {
    Outcome[] out = new Outcome[items.size()];
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Feedback f = items.get(i);
      if (f.status() == Feedback.Status.DELETED) {
        out[i] = new Outcome(f.id(), Status.DELETED, null, null);
      } else if (analyzed(f)) {
        out[i] = new Outcome(f.id(), Status.ALREADY_ANALYZED, f.enrichment().themeId(), null);
      } else if (f.text().isBlank()) {
        out[i] = new Outcome(f.id(), Status.EMPTY, null, null);
      } else {
        todo.add(i);
      }
    }
    if (!todo.isEmpty()) {
      List<float[]> vectors;
      try {
        // One call: the embedder runs the texts in parallel, each as its own inference.
        vectors = embedder.embedAll(todo.stream().map(i -> items.get(i).text()).toList());
      } catch (RuntimeException e) {
        LOG.warn("embedding failed for {} items: {}", todo.size(), e.toString());
        for (int i : todo) {
          out[i] = new Outcome(items.get(i).id(), Status.FAILED, null, "embedding: " + e.getClass().getSimpleName());
        }
        return List.of(out);
      }
      for (int j = 0; j < todo.size(); j++) {
        int i = todo.get(j);
        out[i] = enrich(items.get(i), vectors.get(j));
      }
    }
    return List.of(out);
  }

  private Outcome enrich(Feedback f, float[] vector) {
    try {
      // The classifier reads the embedding we already have (better on review-style text).
      SentimentScorer.Sentiment s = sentiment.score(f.text(), vector);
      String theme = themes.assign(vector);
      Enrichment e = new Enrichment(s.compound(), s.label().wire(), vector, theme, clock.instant());
      WriteOutcome w = store.enrich(f.id(), e);
      // UNCHANGED: the item was deleted (or never stored) meanwhile; nothing to retry.
      return new Outcome(f.id(), w == WriteOutcome.UNCHANGED ? Status.GONE : Status.ANALYZED, theme, null);
    } catch (RuntimeException e) {
      LOG.warn("analysis of {} failed: {}", f.id(), e.toString());
      return new Outcome(f.id(), Status.FAILED, null, e.getClass().getSimpleName());
    }
  }

  /** Analyzed for the current text: an edit removes the embedding and analyzedAt. */
  static boolean analyzed(Feedback f) {
    Enrichment e = f.enrichment();
    return e != null && e.analyzedAt() != null && e.embedding() != null && e.sentimentLabel() != null;
  }
}
