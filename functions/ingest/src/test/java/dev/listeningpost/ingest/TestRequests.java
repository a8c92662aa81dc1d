package dev.listeningpost.ingest;

import dev.listeningpost.http.HttpRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
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

  public static HttpRequest slack(String secret, Instant at, byte[] body) {
    return slack(secret, at, body, Map.of());
  }

  public static HttpRequest slack(String secret, Instant at, byte[] body, Map<String, String> extraHeaders) {
    String ts = Long.toString(at.getEpochSecond());
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Slack-Request-Timestamp", ts);
    headers.put("X-Slack-Signature",
        "v0=" + Signatures.hmacSha256Hex(secret, ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body));
    headers.putAll(extraHeaders);
    return new HttpRequest("POST", "/webhooks/slack", headers, Map.of(), body);
  }

  private static HttpRequest post(String path, Map<String, String> headers, byte[] body) {
    Map<String, String> h = new HashMap<>(headers);
    h.putIfAbsent("Content-Type", "application/json");
    return new HttpRequest("POST", path, h, Map.of(), body);
  }

  /** Signed like GitHub: X-Hub-Signature-256 over the body, with the event and delivery headers. */
  public static HttpRequest github(String secret, String event, String deliveryId, byte[] body) {
    return post("/webhooks/github", Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId,
        "X-GitHub-Hook-ID", "512345678", "User-Agent", "GitHub-Hookshot/a1b2c3d",
        "X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(secret, body)), body);
  }

  /** Signed like Discourse; every call gets a new event id, as Discourse's retries do. */
  public static HttpRequest discourse(String secret, String event, byte[] body) {
    return post("/webhooks/discourse", Map.of("X-Discourse-Instance", "https://forum.example.com",
        "X-Discourse-Event-Id", Long.toString(System.nanoTime() % 1_000_000), "X-Discourse-Event-Type",
        event.startsWith("post") ? "post" : event.startsWith("topic") ? "topic" : "ping", "X-Discourse-Event", event,
        "X-Discourse-Event-Signature", "sha256=" + Signatures.hmacSha256Hex(secret, body)), body);
  }

  public static HttpRequest intercom(String secret, byte[] body) {
    return post("/webhooks/intercom", Map.of("X-Hub-Signature", "sha1=" + Signatures.hmacSha1Hex(secret, body),
        "User-Agent", "Intercom-Webhooks"), body);
  }

  public static HttpRequest zendesk(String secret, Instant at, byte[] body) {
    String ts = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    return post("/webhooks/zendesk/acme", Map.of("X-Zendesk-Webhook-Signature-Timestamp", ts,
        "X-Zendesk-Webhook-Signature", Signatures.hmacSha256Base64(secret, ts.getBytes(StandardCharsets.UTF_8), body),
        "X-Zendesk-Webhook-Id", "01HQ8ZK3V4"), body);
  }

  public static HttpRequest typeform(String secret, byte[] body) {
    return post("/webhooks/typeform", Map.of("Typeform-Signature", "sha256=" + Signatures.hmacSha256Base64(secret, body),
        "User-Agent", "Typeform Webhooks"), body);
  }

  public static HttpRequest x(String secret, byte[] body) {
    return post("/webhooks/x", Map.of("x-twitter-webhooks-signature", "sha256=" + Signatures.hmacSha256Base64(secret, body)), body);
  }

  public static HttpRequest meta(String secret, byte[] body) {
    return post("/webhooks/meta", Map.of("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(secret, body)), body);
  }

  /** A test application key pair for Discord (Discord keeps the private half; tests play Discord). */
  public static final KeyPair DISCORD_KEYS = ed25519();

  public static String discordPublicKeyHex(KeyPair keys) {
    byte[] x509 = keys.getPublic().getEncoded();
    return HexFormat.of().formatHex(x509, x509.length - 32, x509.length);
  }

  public static HttpRequest discord(KeyPair keys, Instant at, byte[] body) {
    String ts = Long.toString(at.getEpochSecond());
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(ts.getBytes(StandardCharsets.UTF_8));
      signer.update(body);
      return post("/webhooks/discord", Map.of("X-Signature-Timestamp", ts,
          "X-Signature-Ed25519", HexFormat.of().formatHex(signer.sign())), body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpRequest widgetKey(String source, String key, byte[] body) {
    return post("/webhooks/widget/" + source, Map.of("X-Api-Key", key, "Origin", "https://app.example.com"), body);
  }

  public static HttpRequest widgetHmac(String source, String secret, byte[] body) {
    return post("/webhooks/widget/" + source, Map.of("X-Signature", "sha256=" + Signatures.hmacSha256Hex(secret, body)), body);
  }

  public static HttpRequest withBody(HttpRequest r, byte[] body) {
    return new HttpRequest(r.method(), r.path(), r.headers(), r.query(), body);
  }

  public static HttpRequest withHeader(HttpRequest r, String name, String value) {
    Map<String, String> h = new HashMap<>(r.headers());
    if (value == null) {
      h.remove(name.toLowerCase(java.util.Locale.ROOT));
    } else {
      h.put(name.toLowerCase(java.util.Locale.ROOT), value);
    }
    return new HttpRequest(r.method(), r.path(), h, r.query(), r.body());
  }
}
