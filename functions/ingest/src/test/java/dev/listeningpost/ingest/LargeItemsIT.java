package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.FeedbackTable;
import dev.listeningpost.feedback.store.ItemLimits;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.wiring.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items over DynamoDB's 400 KB item limit are stored anyway (text truncated with a marker, raw
 * payload dropped only when it cannot fit), never answered 503 forever. GitHub issue bodies of
 * 300 KB, 450 KB and 1 MB of hard-to-compress text, through {@link WebhookService}.
 */
@ExtendWith(DynoxideExtension.class)
class LargeItemsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DYNAMODB_ITEM_LIMIT = 400 * 1024;
  private static final String ISSUE = FeedbackIds.of("github", "acme/widgets", "issue:2684512001");
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private DynamoDbClient client;
  private String table;
  private FeedbackStore store;
  private WebhookService service;

  @BeforeEach
  void setUp() {
    client = DynoxideExtension.client();
    table = DynoxideExtension.newFeedbackTable(client);
    store = new FeedbackStore(client, table, FeedbackSchema.create(Duration.ofDays(365)));
    service = new WebhookService(ChannelFixtures.adapters(), store, new EnvironmentSecretResolver(ChannelFixtures.env()),
        new ConfiguredStaffDirectory(""), IngestProperties.Ingest.defaults().settings(), Clock.fixed(now, ZoneOffset.UTC));
  }

  /** An issues.opened delivery whose body is about {@code bytes} long, of random words (gzip gains little). */
  static byte[] issueOfSize(int bytes) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(TestRequests.event("ingest/github/issues-opened.json"));
    int rest = JSON.writeValueAsBytes(root).length;
    StringBuilder text = new StringBuilder(bytes);
    Random random = new Random(42);
    while (text.length() < bytes - rest) {
      int n = 3 + random.nextInt(7);
      for (int i = 0; i < n; i++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(' ');
    }
    ((ObjectNode) root.get("issue")).put("body", text.toString());
    return JSON.writeValueAsBytes(root);
  }

  private Map<String, AttributeValue> deliver(byte[] body) {
    HttpResponse r = service.handle(TestRequests.github(ChannelFixtures.GITHUB, "issues", "big-1", body));
    assertEquals(200, r.status(), r.body());
    return client.getItem(b -> b.tableName(table).key(Map.of(FeedbackTable.ID, AttributeValue.fromS(ISSUE)))).item();
  }

  @Test
  void a300KbBodyIsStoredWithItsTextTruncatedAndItsRawPayloadKept() throws Exception {
    byte[] body = issueOfSize(300_000);
    Map<String, AttributeValue> item = deliver(body);

    assertTrue(ItemLimits.sizeOf(item) < DYNAMODB_ITEM_LIMIT);
    assertTrue(item.get(FeedbackTable.TEXT).s().matches("(?s)CSV export times out.*… \\[truncated, \\d+ characters]"));
    assertArrayEquals(body, RawPayloads.decompress(item.get(FeedbackTable.RAW).b().asByteArray()), "it can be reparsed");
  }

  @Test
  void a450KbBodyIsStoredWithItsTextTruncatedAndItsRawPayloadKept() throws Exception {
    byte[] body = issueOfSize(450_000);
    Map<String, AttributeValue> item = deliver(body);

    assertTrue(ItemLimits.sizeOf(item) < DYNAMODB_ITEM_LIMIT);
    assertTrue(item.get(FeedbackTable.TEXT).s().contains("… [truncated, "));
    assertArrayEquals(body, RawPayloads.decompress(item.get(FeedbackTable.RAW).b().asByteArray()));
  }

  @Test
  void a1MbBodyIsStoredWithoutItsRawPayloadAndAMarker() throws Exception {
    byte[] body = issueOfSize(1_000_000);
    Map<String, AttributeValue> item = deliver(body);

    assertTrue(ItemLimits.sizeOf(item) < DYNAMODB_ITEM_LIMIT);
    assertTrue(item.get(FeedbackTable.TEXT).s().contains("… [truncated, "));
    assertFalse(item.containsKey(FeedbackTable.RAW));
    assertTrue(Integer.parseInt(item.get(FeedbackTable.RAW_OMITTED).n()) > DYNAMODB_ITEM_LIMIT);
  }

  @Test
  void aTruncatedItemReparsesToTheSameTruncatedText() throws Exception {
    deliver(issueOfSize(300_000));
    ReparseService reparser = new ReparseService(ChannelFixtures.adapters(), store,
        new EnvironmentSecretResolver(ChannelFixtures.env()), new ConfiguredStaffDirectory(""), Clock.fixed(now, ZoneOffset.UTC));
    assertEquals(ReparseService.Result.UNCHANGED, reparser.reparse(store.find(ISSUE).orElseThrow()));
  }

  @Test
  void anItemWhoseRawPayloadWasDroppedCannotBeReparsed() throws Exception {
    deliver(issueOfSize(1_000_000));
    Feedback stored = store.find(ISSUE).orElseThrow();
    assertNull(stored.rawPayload());
    ReparseService reparser = new ReparseService(ChannelFixtures.adapters(), store,
        new EnvironmentSecretResolver(ChannelFixtures.env()), new ConfiguredStaffDirectory(""), Clock.fixed(now, ZoneOffset.UTC));
    assertEquals(ReparseService.Result.SKIPPED, reparser.reparse(stored), "documented limitation");
  }

  @Test
  void anEditThatGrowsTooLargeIsStoredTruncated() throws Exception {
    byte[] small = TestRequests.event("ingest/github/issues-opened.json");
    assertEquals(200, service.handle(TestRequests.github(ChannelFixtures.GITHUB, "issues", "d-0", small)).status());
    ObjectNode edited = (ObjectNode) JSON.readTree(issueOfSize(1_000_000));
    edited.put("action", "edited");
    HttpResponse r = service.handle(TestRequests.github(ChannelFixtures.GITHUB, "issues", "d-2",
        JSON.writeValueAsString(edited).getBytes(StandardCharsets.UTF_8)));

    assertEquals(200, r.status(), r.body());
    assertTrue(store.find(ISSUE).orElseThrow().text().contains("… [truncated, "));
  }
}
