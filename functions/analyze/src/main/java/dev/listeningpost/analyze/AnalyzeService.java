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
import java.util.concurrent.CompletableFuture;
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
 * <p>A batch's texts are embedded a chunk at a time ({@link #EMBED_CHUNK} texts per call, each call
 * spread over the embedder's threads); as soon as a chunk is embedded its items are scored, assigned
 * and written with up to {@code writeConcurrency} conditional updates in flight, while the next
 * chunk embeds. Embedding the whole batch first and then writing left the CPU half idle during the
 * write-back (the round trips to DynamoDB) and the network idle during the embedding (before/after
 * figures: docs/performance/analyze.md). Each item's outcome is its
 * own, in input order: a chunk whose embedding fails fails only its items, a failed write only its item.
 */
public class AnalyzeService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeService.class);

  private final FeedbackStore store;
  private final SentimentScorer sentiment;
  private final Embedder embedder;
  private final ThemeAssigner themes;
  private final Clock clock;
  private final ExecutorService writers;
  private final int embedChunk;

  /**
   * Texts per embedding call. Small enough that the first writes start early, that a stream batch
   * of 10 still overlaps, and that the last chunk's writes (the part that cannot overlap anything)
   * are short; large enough that each call keeps a 2-vCPU function's embedding threads busy (4 texts
   * each).
   */
  public static final int EMBED_CHUNK = 8;

  /**
   * @param writeConcurrency items scored and written at once (conditional updates in flight); 1 writes
   *                         one after another
   */
  public AnalyzeService(FeedbackStore store, SentimentScorer sentiment, Embedder embedder, ThemeAssigner themes,
                        Clock clock, int writeConcurrency) {
    this(store, sentiment, embedder, themes, clock, writeConcurrency, EMBED_CHUNK);
  }

  /** @param embedChunk texts per embedding call (see {@link #EMBED_CHUNK}) */
  AnalyzeService(FeedbackStore store, SentimentScorer sentiment, Embedder embedder, ThemeAssigner themes,
                 Clock clock, int writeConcurrency, int embedChunk) {
    if (writeConcurrency < 1) {
      throw new IllegalArgumentException("writeConcurrency must be at least 1");
    }
    if (embedChunk < 1) {
      throw new IllegalArgumentException("embedChunk must be at least 1");
    }
    this.embedChunk = embedChunk;
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
    // Index j of writes belongs to todo.get(j). Chunk k's writes run while chunk k+1 embeds.
    List<Future<Outcome>> writes = new ArrayList<>(todo.size());
    long embedNanos = 0;
    for (int from = 0; from < todo.size(); from += embedChunk) {
      List<Integer> chunk = todo.subList(from, Math.min(todo.size(), from + embedChunk));
      List<float[]> vectors;
      long t0 = System.nanoTime();
      try {
        // One call per chunk: the embedder runs its texts in parallel, each as its own inference.
        vectors = embedder.embedAll(chunk.stream().map(i -> items.get(i).text()).toList());
      } catch (RuntimeException e) {
        LOG.warn("embedding failed for {} items: {}", chunk.size(), e.toString());
        for (int i : chunk) {
          writes.add(CompletableFuture.completedFuture(
              new Outcome(items.get(i).id(), Status.FAILED, null, "embedding: " + e.getClass().getSimpleName())));
        }
        continue;
      } finally {
        embedNanos += System.nanoTime() - t0;
      }
      for (int j = 0; j < chunk.size(); j++) {
        Feedback f = items.get(chunk.get(j));
        float[] vector = vectors.get(j);
        writes.add(writers.submit(() -> enrich(f, vector)));
      }
    }
    long t1 = System.nanoTime();
    for (int j = 0; j < todo.size(); j++) {
      out[todo.get(j)] = outcome(items.get(todo.get(j)), writes.get(j));
    }
    if (!todo.isEmpty() && LOG.isDebugEnabled()) {
      LOG.debug("analysed {} items: embedding {} ms, then waiting for the last writes {} ms", todo.size(),
          embedNanos / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
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
