package dev.listeningpost.analyze.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.api.ReadApi;
import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.sentiment.SentimentScorer;
import dev.listeningpost.analyze.themes.ThemeQueryService;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.analyze.wiring.AnalyzePriming;
import dev.listeningpost.feedback.priming.Priming;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.PrimingHooks;
import dev.listeningpost.feedback.testing.RecordingDynamo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyze artifact's SnapStart priming hooks: each is registered where its service is built, warms what
 * the first event would load (the embedding session, the scorer, the SDK client's first request), and never
 * writes.
 */
class AnalyzePrimingTest {
  private final RecordingDynamo dynamo = new RecordingDynamo();
  private final FeedbackStore feedback = new FeedbackStore(dynamo.client(), "feedback", FeedbackSchema.create(Duration.ZERO));
  private final ThemeStore themes = new ThemeStore(dynamo.client(), "themes");
  private final List<String> embedded = new ArrayList<>();
  private final List<String> scored = new ArrayList<>();
  private final Embedder embedder = new Embedder() {
    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public float[] embed(String text) {
      embedded.add(text);
      return new float[] {1, 0, 0};
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      return texts.stream().map(this::embed).toList();
    }
  };
  private final SentimentScorer sentiment = text -> {
    scored.add(text);
    return new SentimentScorer.Sentiment(0, SentimentScorer.Label.NEUTRAL);
  };

  @Test
  void analyzeHookRunsOneEmbeddingAScoreAndReadsOnly() {
    Priming.Hook hook = AnalyzePriming.analyze(embedder, sentiment, feedback, themes);

    assertTrue(hook.prime());

    assertEquals(1, embedded.size(), "one embedding loads the ONNX session");
    assertEquals(1, scored.size());
    assertTrue(dynamo.operations().contains("GetItem"), "the feedback client's first request: " + dynamo.operations());
    assertEquals(List.of(), dynamo.writes());
  }

  @Test
  void themesHookReadsTheJobStateThemesAndFeedbackOnly() {
    Priming.Hook hook = AnalyzePriming.themes(feedback, themes);

    assertTrue(hook.prime());

    assertTrue(dynamo.operations().contains("Query"), dynamo.operations().toString());
    assertEquals(List.of(), dynamo.writes());
    assertEquals(List.of(), embedded, "the nightly job does not need the model for stored embeddings");
  }

  @Test
  void readApiHookQueriesBothRoutesWithoutWriting() {
    long before = PrimingHooks.count("read-api");
    new ReadApi(feedback, new ThemeQueryService(themes, feedback), Clock.systemUTC());
    Priming.Hook hook = PrimingHooks.registeredSince("read-api", before);

    assertTrue(hook.prime());

    assertTrue(dynamo.operations().contains("Query"), dynamo.operations().toString());
    assertEquals(List.of(), dynamo.writes());
  }
}
