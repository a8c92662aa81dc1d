package dev.listeningpost.bench.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.ingest.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Signed Slack deliveries built from the repository's sample events ({@code events/ingest/...}), as API
 * Gateway v2 events: JSON for the Runtime API emulator, objects for in-JVM invocation.
 */
public final class SlackEvents {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SAMPLE = "ingest/apigw/slack-message.json";

  private final ObjectNode template;
  private final String messageBody;
  private final String urlVerificationBody;

  public SlackEvents(Path repoRoot) {
    try {
      Path events = repoRoot.resolve("events");
      this.template = (ObjectNode) JSON.readTree(Files.readAllBytes(events.resolve(SAMPLE)));
      this.messageBody = template.get("body").asText();
      this.urlVerificationBody = JSON.readTree(Files.readAllBytes(events.resolve("ingest/slack/url-verification.json"))).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository root: {@code -Dlp.root}, else the first parent of the working directory holding {@code events/}. */
  public static Path repoRoot() {
    String configured = System.getProperty("lp.root");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("events/ingest"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found: run from the repo or pass -Dlp.root=");
  }

  /** The sample message body, unchanged: every delivery of it is a redelivery after the first. */
  public String messageBody() {
    return messageBody;
  }

  /** The sample message as a distinct Slack message ({@code n} picks its ts and event_id), so storing it is a real create. */
  public String uniqueMessageBody(long n) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(messageBody);
      String ts = (1763719200L + n) + "." + String.format("%06d", n % 1_000_000);
      ObjectNode event = (ObjectNode) body.get("event");
      event.put("ts", ts);
      event.put("event_ts", ts);
      body.put("event_id", "Ev0BENCH" + n);
      return body.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String urlVerificationBody() {
    return urlVerificationBody;
  }

  /** Slack's request headers for {@code body}, signed now with {@code secret} (Slack's v0 scheme). */
  public static Map<String, String> signedHeaders(String secret, Instant at, String body) {
    String ts = Long.toString(at.getEpochSecond());
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", "application/json");
    headers.put("user-agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
    headers.put("x-slack-request-timestamp", ts);
    headers.put("x-slack-signature", "v0=" + Signatures.hmacSha256Hex(secret,
        ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  /** The API Gateway v2 event JSON (the sample's shape) carrying {@code body} with {@code headers}. */
  public String apiGatewayJson(String body, Map<String, String> headers) {
    ObjectNode event = template.deepCopy();
    ObjectNode h = event.putObject("headers");
    for (Iterator<Map.Entry<String, JsonNode>> it = template.get("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      h.set(e.getKey(), e.getValue());
    }
    headers.forEach(h::put);
    event.put("body", body);
    return event.toString();
  }

  /** The same event as an object, as the runtime client would hand it to {@code handleRequest}. */
  public static APIGatewayV2HTTPEvent apiGatewayEvent(String body, Map<String, String> headers) {
    APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
        .withMethod("POST").withPath("/webhooks/slack").withProtocol("HTTP/1.1").withSourceIp("52.89.214.238")
        .withUserAgent("Slackbot 1.0 (+https://api.slack.com/robots)").build();
    APIGatewayV2HTTPEvent.RequestContext ctx = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withAccountId("123456789012").withApiId("abc123").withStage("$default")
        .withRouteKey("POST /webhooks/{channel}").withRequestId("bench").withHttp(http).build();
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("POST /webhooks/{channel}")
        .withRawPath("/webhooks/slack").withRawQueryString("").withHeaders(new HashMap<>(headers))
        .withPathParameters(Map.of("channel", "slack")).withIsBase64Encoded(false).withBody(body)
        .withRequestContext(ctx).build();
  }
}
