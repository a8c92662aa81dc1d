package dev.listeningpost.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.analyze.AnalyzeService.Status;
import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.testing.KeywordSentiment;
import dev.listeningpost.analyze.themes.ThemeAssigner;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.WriteOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The write-back of a batch: conditional updates in flight together, outcomes per item and in order. */
class AnalyzeWriteBackTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  /** Never called: the store's writes are replaced below. */
  private static final DynamoDbClient UNUSED = DynamoDbClient.builder().region(Region.US_EAST_1)
      .endpointOverride(URI.create("http://127.0.0.1:9")).credentialsProvider(AnonymousCredentialsProvider.create()).build();
  private static final Embedder FLAT = new Embedder() {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embed(String text) {
      return new float[] {1, 0};
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      return texts.stream().map(this::embed).toList();
    }
  };

  @Test
  void writesOfABatchAreInFlightTogether() {
    // Every write waits until four are in flight: written one after another, none would complete.
    CyclicBarrier fourInFlight = new CyclicBarrier(4);
    try (AnalyzeService service = service((id, e) -> {
      try {
        fourInFlight.await(20, TimeUnit.SECONDS);
        return WriteOutcome.UPDATED;
      } catch (Exception timeout) {
        throw new IllegalStateException("writes were not concurrent", timeout);
      }
    }, 4)) {
      List<Status> statuses = service.process(items(8)).stream().map(AnalyzeService.Outcome::status).toList();
      assertEquals(java.util.Collections.nCopies(8, Status.ANALYZED), statuses);
    }
  }

  @Test
  void aFailedWriteFailsOnlyItsItemAndOutcomesKeepTheInputOrder() {
    try (AnalyzeService service = service((id, e) -> {
      if (id.equals("i1")) {
        throw new IllegalStateException("throttled");
      }
      return id.equals("i2") ? WriteOutcome.UNCHANGED : WriteOutcome.UPDATED;
    }, AnalyzeProperties.Analyze.defaults().writeConcurrency())) {
      List<AnalyzeService.Outcome> out = service.process(items(4));
      assertEquals(List.of("i0", "i1", "i2", "i3"), out.stream().map(AnalyzeService.Outcome::id).toList());
      assertEquals(List.of(Status.ANALYZED, Status.FAILED, Status.GONE, Status.ANALYZED),
          out.stream().map(AnalyzeService.Outcome::status).toList());
    }
  }

  @Test
  void aChunkIsWrittenWhileTheNextChunkEmbedsAndOutcomesStayPerItemAndInOrder() {
    // The embedder holds the last chunk until some item has been written: embedding the whole batch
    // before writing anything, the wait runs out and that chunk fails.
    CountDownLatch firstWrite = new CountDownLatch(1);
    Embedder waitsForAWrite = new Embedder() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public float[] embed(String text) {
        return FLAT.embed(text);
      }

      @Override
      public List<float[]> embedAll(List<String> texts) {
        if (texts.contains("message number 6")) {
          try {
            if (!firstWrite.await(20, TimeUnit.SECONDS)) {
              throw new IllegalStateException("nothing was written before the last chunk embedded");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
        return FLAT.embedAll(texts);
      }
    };
    List<String> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    try (AnalyzeService service = new AnalyzeService(store((id, e) -> {
      firstWrite.countDown();
      if (id.equals("i3")) {
        throw new IllegalStateException("throttled");
      }
      written.add(id);
      return WriteOutcome.UPDATED;
    }), KeywordSentiment.LAMBDA, waitsForAWrite, noThemes(), Clock.fixed(NOW, java.time.ZoneOffset.UTC), 2, 3)) {
      List<AnalyzeService.Outcome> out = service.process(items(7));

      assertEquals(List.of("i0", "i1", "i2", "i3", "i4", "i5", "i6"),
          out.stream().map(AnalyzeService.Outcome::id).toList());
      assertEquals(List.of(Status.ANALYZED, Status.ANALYZED, Status.ANALYZED, Status.FAILED, Status.ANALYZED,
          Status.ANALYZED, Status.ANALYZED), out.stream().map(AnalyzeService.Outcome::status).toList());
      assertEquals(java.util.Set.of("i0", "i1", "i2", "i4", "i5", "i6"), java.util.Set.copyOf(written));
    }
  }

  @Test
  void aChunkWhoseEmbeddingFailsFailsOnlyItsItems() {
    Embedder failsOnI2 = new Embedder() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public float[] embed(String text) {
        return FLAT.embed(text);
      }

      @Override
      public List<float[]> embedAll(List<String> texts) {
        if (texts.contains("message number 2")) {
          throw new IllegalStateException("model failed");
        }
        return FLAT.embedAll(texts);
      }
    };
    try (AnalyzeService service = new AnalyzeService(store((id, e) -> WriteOutcome.UPDATED), KeywordSentiment.LAMBDA,
        failsOnI2, noThemes(), Clock.fixed(NOW, java.time.ZoneOffset.UTC), 2, 2)) {
      assertEquals(List.of(Status.ANALYZED, Status.ANALYZED, Status.FAILED, Status.FAILED, Status.ANALYZED),
          service.process(items(5)).stream().map(AnalyzeService.Outcome::status).toList());
    }
  }

  private static List<Feedback> items(int n) {
    return IntStream.range(0, n).mapToObj(i -> Feedback.builder().id("i" + i).channel("slack")
        .text("message number " + i).createdAt(NOW).receivedAt(NOW).build()).toList();
  }

  private static AnalyzeService service(BiFunction<String, Feedback.Enrichment, WriteOutcome> write, int concurrency) {
    return new AnalyzeService(store(write), KeywordSentiment.LAMBDA, FLAT, noThemes(),
        Clock.fixed(NOW, java.time.ZoneOffset.UTC), concurrency);
  }

  private static FeedbackStore store(BiFunction<String, Feedback.Enrichment, WriteOutcome> write) {
    return new FeedbackStore(UNUSED, "unused", FeedbackSchema.create(Duration.ZERO)) {
      @Override
      public WriteOutcome enrich(String id, Feedback.Enrichment e) {
        return write.apply(id, e);
      }
    };
  }

  private static ThemeAssigner noThemes() {
    return new ThemeAssigner(new ThemeStore(UNUSED, "unused"),
        AnalyzeProperties.Theme.defaults().settings(), Clock.systemUTC(), Duration.ofMinutes(5)) {
      @Override
      public String assign(Feedback item, float[] vector) {
        return null;
      }
    };
  }
}
