package dev.listeningpost.localstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.FeedbackTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.store.WriteOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The FeedbackStore scenarios of FeedbackStoreIT (dynoxide), against LocalStack: tables
 * created from TableDefinitions (the same shape as template.yaml), idempotent create, edit and
 * tombstone, the byDay period query. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class FeedbackStoreLocalStackIT {
  @Container
  static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
      DockerImageName.parse(System.getProperty("localstack.image", "localstack/localstack:4.4.0"))
          .asCompatibleSubstituteFor("localstack/localstack"))
      .withServices(Service.DYNAMODB);

  private static DynamoDbClient client;
  private FeedbackStore store;

  @BeforeAll
  static void connect() {
    client = DynamoDbClient.builder()
        .endpointOverride(LOCALSTACK.getEndpoint())
        .region(Region.of(LOCALSTACK.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @BeforeEach
  void newTable() {
    String name = "feedback-" + UUID.randomUUID().toString().substring(0, 8);
    TableDefinitions.ensure(client, FeedbackTable.definition(name));
    store = new FeedbackStore(client, name, FeedbackSchema.create(Duration.ofDays(30)));
  }

  private static Feedback item(String sourceId, Instant created, String text) {
    return Feedback.builder().channel("slack").workspace("T1").sourceId(sourceId).text(text)
        .author(new Author("U1", "ada", "Ada Lovelace", false)).createdAt(created).receivedAt(created)
        .hashtags(List.of("launch")).rawPayload(RawPayloads.compress("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  @Test
  void tablesFromTableDefinitionsHaveTheTemplatesKeysIndexAndStream() {
    TableDescription feedback = client.describeTable(b -> b.tableName(store.tableName())).table();
    assertEquals(java.util.Set.of(FeedbackTable.BY_DAY_INDEX, FeedbackTable.BY_ANALYZED_INDEX),
        feedback.globalSecondaryIndexes().stream().map(g -> g.indexName()).collect(java.util.stream.Collectors.toSet()));
    assertEquals("NEW_AND_OLD_IMAGES", feedback.streamSpecification().streamViewTypeAsString());
    assertNotNull(feedback.latestStreamArn(), "the analyze function's event source");

    String keyed = "themes-" + UUID.randomUUID().toString().substring(0, 8);
    TableDefinitions.ensure(client, KeyedTable.definition(keyed));
    assertEquals(List.of("pk", "sk"), client.describeTable(b -> b.tableName(keyed)).table().keySchema().stream()
        .map(k -> k.attributeName()).toList());
  }

  @Test
  void createIsIdempotentAndRoundTrips() {
    Feedback f = item("C1:1", Instant.parse("2026-11-17T10:00:00Z"), "Love the new export");
    assertEquals(WriteOutcome.CREATED, store.create(f));
    assertEquals(WriteOutcome.UNCHANGED, store.create(f));
    assertEquals(WriteOutcome.UNCHANGED, store.create(f.toBuilder().text("other").build()));

    Feedback back = store.find(f.id()).orElseThrow();
    assertEquals("Love the new export", back.text());
    assertEquals(List.of("launch"), back.hashtags());
    assertEquals(f.createdAt(), back.createdAt());
    var raw = client.getItem(GetItemRequest.builder().tableName(store.tableName())
        .key(Map.of("id", AttributeValue.fromS(f.id()))).build()).item();
    assertEquals(Long.toString(f.createdAt().plus(Duration.ofDays(30)).getEpochSecond()), raw.get("expiresAt").n());
  }

  @Test
  void editReplacesTextAndDeleteTombstones() {
    Instant t = Instant.parse("2026-11-17T10:00:00Z");
    Feedback f = item("C1:edit", t, "first");
    store.create(f);
    assertEquals(WriteOutcome.UPDATED, store.edit(f.toBuilder().text("second").build(), t.plusSeconds(60)));
    // An older edit arriving late changes nothing.
    assertEquals(WriteOutcome.UNCHANGED, store.edit(f.toBuilder().text("stale").build(), t.plusSeconds(30)));
    assertEquals("second", store.find(f.id()).orElseThrow().text());

    assertEquals(WriteOutcome.UPDATED, store.delete(f.id(), t.plusSeconds(120)));
    assertEquals(WriteOutcome.UNCHANGED, store.delete(f.id(), t.plusSeconds(180)));
    assertEquals(Feedback.Status.DELETED, store.find(f.id()).orElseThrow().status());
    assertEquals(WriteOutcome.UNCHANGED, store.create(f), "a tombstone is never re-created");
  }

  @Test
  void enrichmentRoundTripsEmbeddingAndSkipsDeleted() {
    Feedback f = item("C1:e", Instant.parse("2026-11-17T10:00:00Z"), "x");
    store.create(f);
    float[] v = {0.25f, -1.5f, 3.0f};
    assertEquals(WriteOutcome.UPDATED, store.enrich(f.id(), new Enrichment(-0.4, "negative", v, "t1", null)));
    Enrichment e = store.find(f.id()).orElseThrow().enrichment();
    assertEquals(-0.4, e.sentiment());
    assertEquals("t1", e.themeId());
    assertArrayEquals(v, e.embedding());

    store.delete(f.id(), Instant.parse("2026-11-18T00:00:00Z"));
    assertEquals(WriteOutcome.UNCHANGED, store.enrich(f.id(), new Enrichment(0.5, "positive", null, null, null)));
  }

  @Test
  void createdBetweenQueriesTheDayIndexAndSkipsOutsideAndDeleted() {
    Feedback before = item("C1:0", Instant.parse("2026-11-15T23:59:59Z"), "before");
    Feedback mon = item("C1:1", Instant.parse("2026-11-16T00:00:00Z"), "monday");
    Feedback wed = item("C1:2", Instant.parse("2026-11-18T12:00:00Z"), "wednesday");
    Feedback gone = item("C1:3", Instant.parse("2026-11-19T12:00:00Z"), "deleted later");
    Feedback after = item("C1:4", Instant.parse("2026-11-23T00:00:00Z"), "next week");
    List.of(after, gone, wed, mon, before).forEach(store::create);
    store.delete(gone.id(), Instant.parse("2026-11-20T00:00:00Z"));

    List<Feedback> week = store.createdBetween(Instant.parse("2026-11-16T00:00:00Z"),
        Instant.parse("2026-11-23T00:00:00Z"), null);
    assertEquals(List.of("monday", "wednesday"), week.stream().map(Feedback::text).toList());
    assertTrue(store.createdBetween(Instant.parse("2026-11-16T00:00:00Z"),
        Instant.parse("2026-11-23T00:00:00Z"), "github").isEmpty());
  }
}
