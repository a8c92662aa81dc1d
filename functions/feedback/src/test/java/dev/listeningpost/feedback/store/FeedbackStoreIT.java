package dev.listeningpost.feedback.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

@ExtendWith(DynoxideExtension.class)
class FeedbackStoreIT {
  private DynamoDbClient client;
  private FeedbackStore store;

  @BeforeEach
  void setUp() {
    client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ofDays(30)));
  }

  private static Feedback item(String sourceId, Instant created, String text) {
    return Feedback.builder().channel("slack").workspace("T1").sourceId(sourceId).text(text)
        .author(new Author("U1", "ada", "Ada Lovelace", false)).createdAt(created).receivedAt(created)
        .hashtags(List.of("launch")).rawPayload(RawPayloads.compress("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  @Test
  void createIsIdempotentAndRoundTripsEveryField() {
    Feedback f = item("C1:1", Instant.parse("2026-11-17T10:00:00Z"), "Love the new export");
    assertEquals(WriteOutcome.CREATED, store.create(f));
    assertEquals(WriteOutcome.UNCHANGED, store.create(f));
    assertEquals(WriteOutcome.UNCHANGED, store.create(f.toBuilder().text("other").build()));

    Feedback back = store.find(f.id()).orElseThrow();
    assertEquals("Love the new export", back.text());
    assertEquals("Ada Lovelace", back.author().displayName());
    assertEquals(List.of("launch"), back.hashtags());
    assertEquals("{\"a\":1}", new String(RawPayloads.decompress(back.rawPayload()), StandardCharsets.UTF_8));
    assertEquals(f.createdAt(), back.createdAt());
  }

  @Test
  void analyzedBetweenFindsBackDatedItemsByAnalysisTimeOnceUntilReanalysed() {
    Instant created = Instant.parse("2026-10-01T08:00:00Z");
    Instant analysed = Instant.parse("2026-11-17T23:59:59.500Z");
    Feedback old = item("C1:old", created, "history imported late");
    Feedback fresh = item("C1:fresh", Instant.parse("2026-11-17T09:00:00Z"), "written and analysed today");
    store.create(old);
    store.create(fresh);
    assertEquals(List.of(), store.analyzedBetween(created, analysed.plusSeconds(60)), "nothing analysed yet");
    store.enrich(old.id(), new Enrichment(0.1, "neutral", new float[] {1f}, null, analysed));
    store.enrich(fresh.id(), new Enrichment(0.1, "neutral", new float[] {1f}, null, Instant.parse("2026-11-17T09:01:00Z")));

    Instant from = Instant.parse("2026-11-17T12:00:00Z");
    Instant until = Instant.parse("2026-11-18T12:00:00Z");
    assertEquals(List.of(old.id()), store.analyzedBetween(from, until).stream().map(Feedback::id).toList());
    assertEquals(List.of(fresh.id(), old.id()), store.analyzedBetween(Instant.parse("2026-11-17T00:00:00Z"), until)
        .stream().map(Feedback::id).toList(), "oldest analysis first, across days");
    assertEquals(List.of(), store.analyzedBetween(analysed.plusMillis(1), until), "the range is half-open");

    // A theme written back with the same analysis time keeps the item where it was.
    store.enrich(old.id(), new Enrichment(null, null, null, "t-1", analysed));
    Feedback back = store.analyzedBetween(from, until).get(0);
    assertEquals("t-1", back.enrichment().themeId());
    assertEquals(analysed, back.enrichment().analyzedAt());

    // An edit clears the analysis: the item leaves the index until it is analysed again.
    store.edit(old.toBuilder().text("history, edited").build(), Instant.parse("2026-11-18T00:00:00Z"));
    assertEquals(List.of(), store.analyzedBetween(from, until));
  }

  @Test
  void countableBetweenReadsOnlyWhatCountingNeeds() {
    Feedback f = item("C1:count", Instant.parse("2026-11-17T10:00:00Z"), "a long message nobody needs to count")
        .toBuilder().permalink("https://example.slack.com/archives/C1/p1").build();
    store.create(f);
    store.enrich(f.id(), new Enrichment(-0.4, "negative", new float[] {1f}, "t-1", Instant.parse("2026-11-17T10:01:00Z")));
    Feedback deleted = item("C1:gone", Instant.parse("2026-11-17T11:00:00Z"), "deleted");
    store.create(deleted);
    store.delete(deleted.id(), Instant.parse("2026-11-17T12:00:00Z"));

    List<Feedback> counted = store.countableBetween(Instant.parse("2026-11-16T00:00:00Z"),
        Instant.parse("2026-11-23T00:00:00Z"));
    assertEquals(1, counted.size(), "deleted items are not counted");
    Feedback back = counted.get(0);
    assertEquals(f.id(), back.id());
    assertEquals("", back.text(), "the text is not read");
    assertEquals(null, back.permalink());
    assertEquals(f.author().id(), back.author().id());
    assertEquals(f.channel(), back.channel());
    assertEquals("t-1", back.enrichment().themeId());
    assertEquals("negative", back.enrichment().sentimentLabel());
  }

  @Test
  void writesTtlFromCreatedTimeAndRetention() {
    Feedback f = item("C1:ttl", Instant.parse("2026-11-17T10:00:00Z"), "x");
    store.create(f);
    var raw = client.getItem(GetItemRequest.builder().tableName(store.tableName())
        .key(java.util.Map.of("id", AttributeValue.fromS(f.id()))).build()).item();
    assertEquals(Long.toString(f.createdAt().plus(Duration.ofDays(30)).getEpochSecond()), raw.get("expiresAt").n());
  }

  @Test
  void createdBetweenQueriesAcrossDaysAndExcludesOutsideAndDeleted() {
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

  @Test
  void editsApplyOnlyWhenNewerAndDeletesTombstone() {
    Feedback f = item("C1:9", Instant.parse("2026-11-17T10:00:00Z"), "first");
    store.create(f);
    assertEquals(WriteOutcome.UPDATED, store.edit(f.toBuilder().text("second").build(), Instant.parse("2026-11-17T11:00:00Z")));
    assertEquals(WriteOutcome.UNCHANGED, store.edit(f.toBuilder().text("stale").build(), Instant.parse("2026-11-17T10:30:00Z")));
    assertEquals("second", store.find(f.id()).orElseThrow().text());
    assertEquals(Feedback.Status.EDITED, store.find(f.id()).orElseThrow().status());

    assertEquals(WriteOutcome.UPDATED, store.delete(f.id(), Instant.parse("2026-11-17T12:00:00Z")));
    assertEquals(WriteOutcome.UNCHANGED, store.delete(f.id(), Instant.parse("2026-11-17T12:00:00Z")));
    Feedback tomb = store.find(f.id()).orElseThrow();
    assertEquals(Feedback.Status.DELETED, tomb.status());
    assertEquals("", tomb.text());
    // A redelivered create or a late edit never resurrects it.
    assertEquals(WriteOutcome.UNCHANGED, store.create(f));
    assertEquals(WriteOutcome.UNCHANGED, store.edit(f.toBuilder().text("again").build(), Instant.parse("2026-11-18T00:00:00Z")));
    assertEquals(WriteOutcome.UNCHANGED, store.enrich(f.id(), new Enrichment(0.5, "positive", null, null, null)));
  }

  @Test
  void enrichmentRoundTripsEmbedding() {
    Feedback f = item("C1:e", Instant.parse("2026-11-17T10:00:00Z"), "x");
    store.create(f);
    float[] v = {0.25f, -1.5f, 3.0f};
    assertEquals(WriteOutcome.UPDATED, store.enrich(f.id(), new Enrichment(-0.4, "negative", v, "t1", null)));
    Enrichment e = store.find(f.id()).orElseThrow().enrichment();
    assertEquals(-0.4, e.sentiment());
    assertEquals("t1", e.themeId());
    assertArrayEquals(v, e.embedding());
  }

  @Test
  void unreachableStorageIsReportedAsUnavailable() {
    DynamoDbClient dead = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    FeedbackStore down = new FeedbackStore(dead, "feedback-x", FeedbackSchema.create(Duration.ZERO));
    assertThrows(StorageUnavailableException.class,
        () -> down.create(item("C1:z", Instant.parse("2026-11-17T10:00:00Z"), "x")));
  }
}
