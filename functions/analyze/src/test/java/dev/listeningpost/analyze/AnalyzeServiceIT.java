package dev.listeningpost.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.AnalyzeService.Outcome;
import dev.listeningpost.analyze.AnalyzeService.Status;
import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.testing.KeywordSentiment;
import dev.listeningpost.analyze.themes.Theme;
import dev.listeningpost.analyze.themes.ThemeAssigner;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynoxideExtension.class)
class AnalyzeServiceIT {
  private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder(2);
  private static final Instant NOW = Instant.parse("2026-11-19T12:00:00Z");
  private FeedbackStore store;
  private ThemeStore themes;
  private AnalyzeService service;

  @AfterAll
  static void close() {
    EMBEDDER.close();
  }

  @BeforeEach
  void setUp() {
    DynamoDbClient client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
    String themeTable = DynoxideExtension.uniqueName("themes");
    TableDefinitions.ensure(client, KeyedTable.definition(themeTable));
    themes = new ThemeStore(client, themeTable);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    service = new AnalyzeService(store, KeywordSentiment.LAMBDA, EMBEDDER,
        new ThemeAssigner(themes, AnalyzeProperties.Theme.defaults().settings(), clock, Duration.ofMinutes(5)), clock,
        AnalyzeProperties.Analyze.defaults().writeConcurrency());
  }

  private Feedback item(String id, String text) {
    Feedback f = Feedback.builder().id(id).channel("slack").text(text).createdAt(NOW).receivedAt(NOW).build();
    store.create(f);
    return f;
  }

  @Test
  void enrichesNewItemsWithSentimentEmbeddingAndNearestTheme() {
    themes.saveThemes(List.of(new Theme("t-export", "export, csv", List.of("export"),
        EMBEDDER.embed("CSV export is slow and times out"), 10, Theme.Status.ACTIVE, null, NOW, NOW, List.of(),
        Map.of())));
    Feedback a = item("a", "The CSV export keeps timing out, please fix it");
    Feedback b = item("b", "What is the weather like in Lisbon?");

    List<Outcome> out = service.process(List.of(a, b));

    assertEquals(Status.ANALYZED, out.get(0).status());
    assertEquals("t-export", out.get(0).themeId());
    assertEquals(Status.ANALYZED, out.get(1).status());
    assertNull(out.get(1).themeId(), "nothing close enough: waits for the nightly re-cluster");
    Feedback stored = store.find("a").orElseThrow();
    assertEquals(-0.5, stored.enrichment().sentiment());
    assertEquals("negative", stored.enrichment().sentimentLabel());
    assertEquals("t-export", stored.enrichment().themeId());
    assertEquals(NOW, stored.enrichment().analyzedAt());
    assertEquals(MiniLmEmbedder.DIMENSION, stored.enrichment().embedding().length);
    assertNull(store.find("b").orElseThrow().enrichment().themeId());
  }

  @Test
  void reprocessingSkipsAnalyzedItemsAndDeletedOnesAndEditsAreAnalyzedAgain() {
    Feedback a = item("a", "I love the new dark mode");
    service.process(List.of(a));
    Feedback analyzed = store.find("a").orElseThrow();

    assertEquals(Status.ALREADY_ANALYZED, service.process(List.of(analyzed)).get(0).status());
    assertEquals(analyzed.enrichment().analyzedAt(), store.find("a").orElseThrow().enrichment().analyzedAt());

    store.edit(a.toBuilder().text("The dark mode is broken on mobile").build(), NOW.plusSeconds(60));
    Feedback edited = store.find("a").orElseThrow();
    assertEquals(Status.ANALYZED, service.process(List.of(edited)).get(0).status());
    assertEquals("negative", store.find("a").orElseThrow().enrichment().sentimentLabel());

    Feedback gone = item("g", "please delete me");
    store.delete("g", NOW);
    assertEquals(Status.DELETED, service.process(List.of(store.find("g").orElseThrow())).get(0).status());
    // A stream record for an item deleted after the record was written: no resurrection, no retry.
    Feedback late = item("late", "late record");
    store.delete("late", NOW);
    assertEquals(Status.GONE, service.process(List.of(late)).get(0).status());
    assertEquals(Feedback.Status.DELETED, store.find("late").orElseThrow().status());
    assertNull(store.find("late").orElseThrow().enrichment());
  }

  @Test
  void aStorageOutageFailsTheItemsSoTheyAreRetried() {
    DynamoDbClient client = DynoxideExtension.client();
    FeedbackStore missing = new FeedbackStore(client, "no-such-table", FeedbackSchema.create(Duration.ZERO));
    AnalyzeService broken = new AnalyzeService(missing, KeywordSentiment.LAMBDA, EMBEDDER,
        new ThemeAssigner(themes, AnalyzeProperties.Theme.defaults().settings(), Clock.systemUTC(), Duration.ofMinutes(5)), Clock.systemUTC(), 2);
    Feedback f = Feedback.builder().id("x").channel("slack").text("hello there").createdAt(NOW).build();
    Outcome o = broken.process(List.of(f)).get(0);
    assertTrue(o.failed());
    assertNotNull(o.error());
  }
}
