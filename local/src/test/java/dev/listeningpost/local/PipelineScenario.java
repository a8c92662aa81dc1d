package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.ingest.Signatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole pipeline as one scenario, run unchanged against any DynamoDB + Streams and SES v2 API:
 * the emulator suite (dynoxide, aws-ses-v2-local: {@code PipelineScenarioIT}) and the Docker-only
 * LocalStack suite ({@code PipelineLocalStackIT}). A real week of signed Slack deliveries (some
 * re-delivered) over HTTP into the local stack, which runs the functions' services against the
 * given endpoints: webhook -> table -> stream -> analyze -> themes -> digest -> SES.
 */
public final class PipelineScenario {
  public static final String SENDER = "digest@listening-post.example";
  public static final String RECIPIENT = "ceo@example.com";
  private static final String SECRET = "pipeline-scenario-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** An email the SES API accepted. */
  public record Mail(List<String> to, String subject, String body) {
  }

  /** Reads back what an SES API emulator accepted. */
  public interface Mailbox {
    List<Mail> sent() throws Exception;
  }

  /**
   * Where the scenario runs.
   *
   * @param dynamodb DynamoDB (and Streams) endpoint
   * @param ses      SES v2 API endpoint
   * @param mailbox  what that SES API accepted
   */
  public record Target(String dynamodb, String ses, Mailbox mailbox) {
  }

  private final Target target;
  private final List<MixedWeek.Message> week = MixedWeek.messages();
  private LocalPipeline stack;

  private PipelineScenario(Target target) {
    this.target = target;
  }

  /** Runs every step and its checks; fails with the first step that does not hold. */
  public static void run(Target target, Path dataDir) throws Exception {
    PipelineScenario s = new PipelineScenario(target);
    Options options = Options.parse(new String[] {"--port", "0", "--data-dir", dataDir.toString(),
        "--dynamodb-endpoint", target.dynamodb()});
    s.stack = LocalPipeline.start(options, Map.of("SLACK_SIGNING_SECRET", SECRET, "INGEST_STAFF", MixedWeek.STAFF,
        "DIGEST_SENDER", SENDER, "DIGEST_RECIPIENTS", RECIPIENT, "SES_ENDPOINT", target.ses()));
    try {
      s.webhooksAreStoredExactlyOnce();
      s.analyzeScoresEveryItemFromTheStream();
      s.themesAreFoundFromCustomersOnly();
      s.theDigestIsSentOnceThroughSes();
    } finally {
      s.stack.close();
    }
  }

  private void webhooksAreStoredExactlyOnce() throws Exception {
    for (MixedWeek.Message m : week) {
      assertEquals(200, postSlack(m.delivery(), null).statusCode());
    }
    // Slack re-delivers when an answer is slow: same body, a retry header, a fresh signature.
    for (MixedWeek.Message m : week.subList(0, 3)) {
      assertEquals(200, postSlack(m.delivery(), "1").statusCode());
    }
    JsonNode stored = getJson("/api/feedback?since=" + MixedWeek.SINCE + "&until=" + MixedWeek.UNTIL);
    assertEquals(week.size(), stored.get("count").asInt(), "every delivery stored once");
    assertEquals(texts(week), texts(stored.get("items")));
  }

  private void analyzeScoresEveryItemFromTheStream() throws Exception {
    HttpResponse<String> analyze = post("/local/jobs/analyze");
    assertEquals(200, analyze.statusCode(), analyze.body());
    assertTrue(JSON.readTree(analyze.body()).get("records").asInt() >= week.size(), analyze.body());
    for (JsonNode item : getJson("/api/feedback?since=" + MixedWeek.SINCE + "&until=" + MixedWeek.UNTIL).get("items")) {
      assertTrue(item.hasNonNull("sentimentLabel"), "analysed: " + item.get("id"));
    }
  }

  private void themesAreFoundFromCustomersOnly() throws Exception {
    HttpResponse<String> job = post("/local/jobs/themes");
    assertEquals(200, job.statusCode(), job.body());
    JsonNode themes = getJson("/api/themes?period=" + MixedWeek.PERIOD);
    long customers = week.stream().filter(m -> !m.staff()).count();
    assertEquals(customers, themes.get("customerVolume").asLong(), "staff replies are not customer volume");
    assertTrue(themes.get("themes").size() >= 3, () -> "themes: " + themes);
    Set<String> staffTexts = week.stream().filter(MixedWeek.Message::staff).map(MixedWeek.Message::text)
        .collect(Collectors.toSet());
    themes.get("themes").forEach(t -> t.get("quotes").forEach(q ->
        assertFalse(staffTexts.contains(q.get("text").asText()), "staff quoted as a customer: " + q)));
  }

  private void theDigestIsSentOnceThroughSes() throws Exception {
    HttpResponse<String> first = post("/local/jobs/digest?period=" + MixedWeek.PERIOD);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(List.of(RECIPIENT), listOf(JSON.readTree(first.body()).get("sent")));
    List<Mail> mails = digestsTo(RECIPIENT);
    assertEquals(1, mails.size(), "one email to the recipient");
    assertTrue(mails.get(0).subject().contains("2025"), mails.get(0).subject());
    assertTrue(week.stream().filter(m -> !m.staff()).anyMatch(m -> mails.get(0).body().contains(m.text())),
        "the email quotes the customers");

    HttpResponse<String> second = post("/local/jobs/digest?period=" + MixedWeek.PERIOD);
    assertEquals(200, second.statusCode(), second.body());
    assertEquals(List.of(), listOf(JSON.readTree(second.body()).get("sent")));
    assertEquals(1, digestsTo(RECIPIENT).size(), "a second run sends nothing");
  }

  private List<Mail> digestsTo(String recipient) throws Exception {
    return target.mailbox().sent().stream().filter(m -> m.to().contains(recipient)).toList();
  }

  private HttpResponse<String> postSlack(byte[] body, String retryNum) throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    String sig = "v0=" + Signatures.hmacSha256Hex(SECRET, ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body);
    HttpRequest.Builder req = HttpRequest.newBuilder(uri("/webhooks/slack"))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", sig)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (retryNum != null) {
      req.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(3))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
    return JSON.readTree(r.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + stack.port() + path);
  }

  private static Set<String> texts(List<MixedWeek.Message> messages) {
    return messages.stream().map(MixedWeek.Message::text).collect(Collectors.toSet());
  }

  private static Set<String> texts(JsonNode items) {
    Set<String> out = new HashSet<>();
    items.forEach(i -> out.add(i.get("text").asText()));
    return out;
  }

  private static List<String> listOf(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
