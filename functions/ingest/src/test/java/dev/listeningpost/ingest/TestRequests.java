package dev.listeningpost.ingest;

import dev.listeningpost.ingest.http.WebhookRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Sample payloads from events/ and correctly signed requests for them. */
public final class TestRequests {
  private TestRequests() {
  }

  public static Path eventsDir() {
    return Path.of(System.getProperty("lp.root", "../.."), "events");
  }

  public static byte[] event(String relative) {
    try {
      return Files.readAllBytes(eventsDir().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static WebhookRequest slack(String secret, Instant at, byte[] body) {
    return slack(secret, at, body, Map.of());
  }

  public static WebhookRequest slack(String secret, Instant at, byte[] body, Map<String, String> extraHeaders) {
    String ts = Long.toString(at.getEpochSecond());
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Slack-Request-Timestamp", ts);
    headers.put("X-Slack-Signature",
        "v0=" + Signatures.hmacSha256Hex(secret, ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body));
    headers.putAll(extraHeaders);
    return new WebhookRequest("POST", "/webhooks/slack", headers, Map.of(), body);
  }
}
