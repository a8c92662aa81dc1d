package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.slack.SlackAdapter;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The webhook pipeline against dynoxide: what is stored, and that bad input stores nothing. */
@ExtendWith(DynoxideExtension.class)
class WebhookServiceIT {
  private static final String SECRET = "test-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private FeedbackStore store;
  private WebhookService service;

  @BeforeEach
  void setUp() {
    DynamoDbClient client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
    service = service(store, 1_048_576);
  }

  private WebhookService service(FeedbackStore s, int maxBody) {
    return new WebhookService(List.of(new SlackAdapter()), s,
        new EnvironmentSecretResolver(Map.of("SLACK_SIGNING_SECRET", SECRET)), new ConfiguredStaffDirectory(""),
        new IngestSettings(maxBody), Clock.fixed(now, ZoneOffset.UTC));
  }

  private List<Feedback> stored() {
    return store.createdBetween(Instant.parse("2025-11-17T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), null);
  }

  private static JsonNode problem(HttpResponse r) throws Exception {
    assertEquals("application/problem+json", r.contentType());
    JsonNode p = JSON.readTree(r.body());
    assertEquals(r.status(), p.get("status").asInt());
    assertTrue(p.get("type").asText().startsWith("https://listening-post.dev/problems/"), p.toString());
    assertTrue(p.hasNonNull("title") && p.hasNonNull("detail"));
    return p;
  }

  @Test
  void aSlackRetriedThreeTimesIsStoredOnce() throws Exception {
    byte[] body = TestRequests.event("ingest/slack/message.json");
    HttpResponse first = service.handle(TestRequests.slack(SECRET, now, body));
    assertEquals(200, first.status());
    assertEquals(1, JSON.readTree(first.body()).get("stored").asInt());
    for (int retry = 1; retry <= 2; retry++) {
      HttpResponse again = service.handle(TestRequests.slack(SECRET, now, body,
          Map.of("X-Slack-Retry-Num", Integer.toString(retry), "X-Slack-Retry-Reason", "http_timeout")));
      assertEquals(200, again.status());
      assertEquals(0, JSON.readTree(again.body()).get("stored").asInt());
    }
    assertEquals(1, stored().size());
    assertTrue(stored().get(0).text().startsWith("The new CSV export is great"));
  }

  @Test
  void badSignaturesAre401AndStoreNothing() throws Exception {
    byte[] body = TestRequests.event("ingest/slack/message.json");
    List<HttpRequest> bad = List.of(
        TestRequests.slack("wrong-secret", now, body),
        TestRequests.slack(SECRET, now.minus(Duration.ofMinutes(6)), body),
        TestRequests.slack(SECRET, now.plus(Duration.ofMinutes(6)), body),
        new HttpRequest("POST", "/webhooks/slack", Map.of("Content-Type", "application/json"), Map.of(), body),
        tamper(TestRequests.slack(SECRET, now, body)));
    for (HttpRequest r : bad) {
      HttpResponse resp = service.handle(r);
      assertEquals(401, resp.status());
      problem(resp);
      assertTrue(!resp.body().contains(SECRET));
    }
    assertTrue(stored().isEmpty());
  }

  private static HttpRequest tamper(HttpRequest r) {
    String text = r.bodyText().replace("great", "awful");
    return new HttpRequest(r.method(), r.path(), r.headers(), r.query(), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void wrongTypeAndOversizedBodiesAreRejectedWithProblemsAndSignedGarbageIsKept() throws Exception {
    HttpResponse malformed = service.handle(TestRequests.slack(SECRET, now, "{\"type\":".getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, malformed.status(), "signed by Slack: kept unparsed, not refused (docs/reliability.md)");
    assertTrue(malformed.body().contains("\"unparsed\":1"), malformed.body());

    byte[] body = TestRequests.event("ingest/slack/message.json");
    Map<String, String> headers = new HashMap<>(TestRequests.slack(SECRET, now, body).headers());
    headers.put("content-type", "text/plain");
    HttpResponse wrongType = service.handle(new HttpRequest("POST", "/webhooks/slack", headers, Map.of(), body));
    assertEquals(415, wrongType.status());
    problem(wrongType);

    HttpResponse tooBig = service(store, 256).handle(TestRequests.slack(SECRET, now, body));
    assertEquals(413, tooBig.status());
    problem(tooBig);

    HttpResponse unknown = service.handle(new HttpRequest("POST", "/webhooks/myspace", Map.of(), Map.of(), body));
    assertEquals(404, unknown.status());
    assertTrue(problem(unknown).get("detail").asText().contains("slack"));

    HttpResponse method = service.handle(new HttpRequest("DELETE", "/webhooks/slack", Map.of(), Map.of(), body));
    assertEquals(405, method.status());
    assertTrue(stored().isEmpty());
  }

  @Test
  void handshakeEditAndDeleteKeepOneItem() throws Exception {
    HttpResponse challenge = service.handle(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/url-verification.json")));
    assertEquals(200, challenge.status());
    assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", JSON.readTree(challenge.body()).get("challenge").asText());

    service.handle(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message.json")));
    service.handle(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message-changed.json")));
    service.handle(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message-changed.json")));
    assertEquals(1, stored().size());
    assertTrue(stored().get(0).text().contains("50k rows"));
    assertEquals(Feedback.Status.EDITED, stored().get(0).status());

    service.handle(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message-deleted.json")));
    assertTrue(stored().isEmpty(), "deleted items leave the period queries");
    // the original delivery arriving late does not bring it back
    service.handle(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message.json")));
    assertTrue(stored().isEmpty());
  }

  @Test
  void unusedEventsAreAcknowledgedWithoutStoring() throws Exception {
    HttpResponse bot = service.handle(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/bot-message.json")));
    assertEquals(200, bot.status());
    assertEquals("bot message", JSON.readTree(bot.body()).get("note").asText());
    assertTrue(stored().isEmpty());
  }

  @Test
  void storageOutageIs503SoThePlatformRetries() throws Exception {
    DynamoDbClient dead = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    WebhookService down = service(new FeedbackStore(dead, "feedback-down", FeedbackSchema.create(Duration.ZERO)), 1_048_576);
    HttpResponse r = down.handle(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message.json")));
    assertEquals(503, r.status());
    assertEquals("5", r.headers().get("Retry-After"));
    problem(r);
  }
}
