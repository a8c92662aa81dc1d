package dev.listeningpost.analyze.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.analyze.testing.InMemoryStores;
import dev.listeningpost.analyze.themes.ThemeQueryService;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The read API's routes and its answers in the shared HTTP types, problems included. */
class ReadApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-24T09:00:00Z"), ZoneOffset.UTC);

  private final InMemoryStores.Items items = new InMemoryStores.Items();
  private final InMemoryStores.Themes themes = new InMemoryStores.Themes();
  private final ReadApi api = new ReadApi(items, new ThemeQueryService(themes, items), CLOCK);

  private HttpResponse call(String method, String path, Map<String, String> query) {
    return api.handle(new HttpRequest(method, path, Map.of(), query, null));
  }

  private static JsonNode problem(int status, String slug, HttpResponse r) throws Exception {
    assertEquals(status, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType());
    JsonNode p = JSON.readTree(r.body());
    assertEquals("https://listening-post.dev/problems/" + slug, p.get("type").asText());
    assertEquals(status, p.get("status").asInt());
    return p;
  }

  @Test
  void feedbackIsServedAsJson() throws Exception {
    items.put(Feedback.builder().id("f1").channel("slack").text("Exports time out")
        .createdAt(Instant.parse("2025-11-20T10:00:00Z")).build());
    HttpResponse r = call("GET", "/api/feedback", Map.of());
    assertEquals(200, r.status(), r.body());
    assertEquals("application/json", r.contentType());
    assertEquals("Exports time out", JSON.readTree(r.body()).get("items").get(0).get("text").asText());
  }

  @Test
  void themesAreServedForThePeriod() throws Exception {
    HttpResponse r = call("GET", "/api/themes", Map.of("period", "2025-W47"));
    assertEquals(200, r.status(), r.body());
    assertEquals("2025-11-17T00:00:00Z", JSON.readTree(r.body()).get("from").asText());
  }

  @Test
  void aThemeIdComesFromItsPathSegment() throws Exception {
    JsonNode p = problem(404, "unknown-theme", call("GET", "/api/themes/t-missing", Map.of()));
    assertEquals("no theme 't-missing'", p.get("detail").asText());
  }

  @Test
  void anotherMethodOnARouteIsNotAllowed() throws Exception {
    problem(405, "method-not-allowed", call("DELETE", "/api/feedback", Map.of()));
    problem(405, "method-not-allowed", call("OPTIONS", "/api/themes/t-1", Map.of()));
  }

  @Test
  void anUnknownPathIsNotFound() throws Exception {
    problem(404, "not-found", call("GET", "/api/nowhere", Map.of()));
    problem(404, "not-found", call("GET", "/api/themes/t-1/items", Map.of()));
  }

  @Test
  void aBadParameterIsABadRequest() throws Exception {
    JsonNode p = problem(400, "bad-request", call("GET", "/api/feedback", Map.of("since", "last tuesday")));
    assertEquals("Bad request", p.get("title").asText());
  }

  @Test
  void aStorageOutageIsATransientProblem() throws Exception {
    DynamoDbClient throttled = new DynamoDbClient() {
      @Override
      public QueryResponse query(QueryRequest request) {
        throw ProvisionedThroughputExceededException.builder().message("throttled").build();
      }

      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {
      }
    };
    FeedbackStore down = new FeedbackStore(throttled, "feedback", FeedbackSchema.create(Duration.ZERO));
    ReadApi outage = new ReadApi(down, new ThemeQueryService(themes, down), CLOCK);
    problem(503, "storage-unavailable", outage.handle(new HttpRequest("GET", "/api/feedback", null, null, null)));
  }
}
