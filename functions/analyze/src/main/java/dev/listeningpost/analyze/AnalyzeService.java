package dev.listeningpost.analyze;

import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.sentiment.BlendedScorer;
import dev.listeningpost.analyze.sentiment.SentimentScorer;
import dev.listeningpost.analyze.themes.ThemeAssigner;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.WriteOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches new and edited items: sentiment, embedding, theme (online assignment), written with
 * the store's conditional {@code enrich}. Deleted items and items already analyzed for their
 * current text (an edit clears the analysis) are skipped, so a retried batch changes nothing.
 *
 * <p>A batch's texts are embedded in one call; the items are then scored, assigned and written with
 * up to {@code writeConcurrency} conditional updates in flight: one after another, the round trips
 * to DynamoDB took most of a batch's time. Each item's outcome is its own, in input order.
 */
public class AnalyzeService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeService.class);

  private final FeedbackStore store;
  private final SentimentScorer sentiment;
  private final Embedder embedder;
  private final ThemeAssigner themes;
  private final Clock clock;
  private final ExecutorService writers;

  /**
   * @param writeConcurrency items scored and written at once (conditional updates in flight); 1 writes
   *                         one after another
   */
  public AnalyzeService(FeedbackStore store, SentimentScorer sentiment, Embedder embedder, ThemeAssigner themes,
                        Clock clock, int writeConcurrency) {
    if (writeConcurrency < 1) {
      throw new IllegalArgumentException("writeConcurrency must be at least 1");
    }
    this.store = store;
    this.sentiment = sentiment;
    this.embedder = embedder;
    this.themes = themes;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.writers = Executors.newFixedThreadPool(writeConcurrency, r -> {
      Thread t = new Thread(r, "analyze-write-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** What happened to one item. */
  public enum Status { ANALYZED, ALREADY_ANALYZED, DELETED, EMPTY, GONE, FAILED, UNPARSED }

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
      } else if (f.status() == Feedback.Status.UNPARSED) {
        // A delivery the adapter could not read is not feedback until a reparse recovers it.
        out[i] = new Outcome(f.id(), Status.UNPARSED, null, null);
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
      List<Future<Outcome>> writes = new ArrayList<>(todo.size());
      for (int j = 0; j < todo.size(); j++) {
        Feedback f = items.get(todo.get(j));
        float[] vector = vectors.get(j);
        writes.add(writers.submit(() -> enrich(f, vector)));
      }
      for (int j = 0; j < todo.size(); j++) {
        out[todo.get(j)] = outcome(items.get(todo.get(j)), writes.get(j));
      }
    }
    return List.of(out);
  }

  /** The write's outcome; an interrupted wait fails the item so the stream retries it. */
  private static Outcome outcome(Feedback f, Future<Outcome> write) {
    try {
      return write.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(f.id(), Status.FAILED, null, "interrupted");
    } catch (ExecutionException e) {
      LOG.warn("analysis of {} failed: {}", f.id(), e.getCause().toString());
      return new Outcome(f.id(), Status.FAILED, null, e.getCause().getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    writers.shutdownNow();
  }

  private Outcome enrich(Feedback f, float[] vector) {
    try {
      // The blended scorer reads the embedding we already have (better on review-style text).
      SentimentScorer.Sentiment s = sentiment instanceof BlendedScorer blended
          ? blended.score(f.text(), vector) : sentiment.score(f.text());
      String theme = themes.assign(f, vector);
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
