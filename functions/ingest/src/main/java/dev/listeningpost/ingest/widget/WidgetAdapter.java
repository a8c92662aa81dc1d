package dev.listeningpost.ingest.widget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Kind;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Hashtags;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.ChannelAdapter;
import dev.listeningpost.ingest.ChannelContext;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.Payloads;
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.WebhookException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The in-app widget and any generic source: {@code POST /webhooks/widget/{source}} with a JSON
 * body (schema in docs/channels.md), authenticated per source by {@code X-Api-Key} (the source's
 * {@code api-key}) or by {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>} (the source's
 * {@code signing-secret}, for servers). Browsers get CORS for the source's {@code allowed-origins};
 * each source and credential has a token-bucket rate limit (429 with {@code Retry-After}).
 *
 * <p>Dedupe: on the caller's {@code id}, or, without one, on a hash of the body, so a resubmitted
 * identical request stores nothing twice.
 */
@Singleton
public class WidgetAdapter implements ChannelAdapter {
  public static final String CHANNEL = "widget";
  static final String API_KEY = "api-key";
  static final String SIGNING_SECRET = "signing-secret";
  static final String ALLOWED_ORIGINS = "allowed-origins";
  private static final Pattern CALLER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private final WidgetSettings settings;
  private final RateLimiter limiter;

  @Inject
  public WidgetAdapter(WidgetSettings settings) {
    this.settings = settings;
    this.limiter = new RateLimiter(settings.ratePerMinute(), settings.burst());
  }

  /** The widget's 400s name the field a person typed wrong: answered, never kept unparsed. */
  @Override
  public boolean keepsUnparseable() {
    return false;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    String key = request.header("x-api-key");
    String signature = request.header("x-signature");
    String credential;
    if (signature != null) {
      List<String> secrets = Signatures.requireSecrets(ctx, SIGNING_SECRET);
      if (!Signatures.anyMatches(secrets, signature, s -> "sha256=" + Signatures.hmacSha256Hex(s, request.body()))) {
        throw WebhookException.unauthorized("X-Signature does not match the request body");
      }
      credential = "hmac";
    } else if (key != null) {
      List<String> keys = Signatures.requireSecrets(ctx, API_KEY);
      if (!Signatures.anyMatches(keys, key, s -> s)) {
        throw WebhookException.unauthorized("X-Api-Key is not valid for this source");
      }
      credential = "key:" + fingerprint(key);
    } else {
      throw WebhookException.unauthorized("missing X-Api-Key or X-Signature header");
    }
    // Limited after authentication, so strangers cannot use up a source's allowance.
    Duration wait = limiter.acquire(ctx.source() + "|" + credential, ctx.now());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new WebhookException(429, "rate-limited", "Too many requests",
          "this key may send " + settings.ratePerMinute() + " items per minute; retry in " + seconds + " s",
          Map.of("Retry-After", Long.toString(seconds)));
    }
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    JsonNode textNode = root.get("text");
    if (textNode == null || !textNode.isTextual() || textNode.asText().isBlank()) {
      throw WebhookException.malformed("field 'text' is required and must be a non-empty string");
    }
    String text = textNode.asText().strip();
    if (text.codePointCount(0, text.length()) > settings.maxTextLength()) {
      throw WebhookException.malformed("field 'text' is longer than " + settings.maxTextLength() + " characters");
    }
    String callerId = Payloads.optText(root, "id");
    if (callerId != null && !CALLER_ID.matcher(callerId).matches()) {
      throw WebhookException.malformed("field 'id' must be 1-128 characters of A-Z a-z 0-9 . _ : -");
    }
    Double rating = null;
    JsonNode r = root.get("rating");
    if (r != null && !r.isNull()) {
      if (!r.isNumber() || !Double.isFinite(r.asDouble()) || r.asDouble() < 0 || r.asDouble() > 10) {
        throw WebhookException.malformed("field 'rating' must be a number from 0 to 10");
      }
      rating = r.asDouble();
    }
    JsonNode user = root.get("user");
    if (user != null && !user.isNull() && !user.isObject()) {
      throw WebhookException.malformed("field 'user' must be an object");
    }
    JsonNode metadata = root.get("metadata");
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      throw WebhookException.malformed("field 'metadata' must be an object");
    }
    String url = Payloads.optText(root, "url");
    if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
      throw WebhookException.malformed("field 'url' must be an http(s) URL");
    }
    String created = Payloads.optText(root, "created_at");
    Instant createdAt = created == null ? ctx.now() : Payloads.isoInstant(created, "created_at");
    if (createdAt.isAfter(ctx.now().plus(Duration.ofMinutes(5)))) {
      throw WebhookException.malformed("field 'created_at' is in the future");
    }
    String userId = Payloads.optText(user, "id");
    String email = Payloads.optText(user, "email");
    String workspace = ctx.source() == null ? CHANNEL : ctx.source();
    Feedback item = Feedback.builder()
        .channel(CHANNEL)
        .workspace(workspace)
        .sourceId(callerId != null ? callerId : "sha256:" + sha256(request.body()))
        .kind(rating != null ? Kind.REVIEW : Kind.POST)
        .text(text)
        .author(new Author(userId, null, Payloads.optText(user, "name"), ctx.isStaff(userId, null, email)))
        // The page the widget was used on: the closest thing to "where it was said".
        .permalink(url)
        .createdAt(createdAt)
        .receivedAt(ctx.now())
        .score(rating)
        .deliveryId(callerId)
        .hashtags(Hashtags.in(text))
        .rawPayload(RawPayloads.compress(request.body()))
        .build();
    return Delivery.of(new FeedbackChange.Create(item));
  }

  @Override
  public HttpResponse preflight(HttpRequest request, ChannelContext ctx) {
    String origin = request.header("origin");
    if (origin == null || !allowed(origin, ctx)) {
      throw WebhookException.forbidden("origin is not allowed for this source");
    }
    return new HttpResponse(204, "text/plain; charset=utf-8", "", Map.of(
        "Access-Control-Allow-Methods", "POST, OPTIONS",
        "Access-Control-Allow-Headers", "Content-Type, X-Api-Key, X-Signature",
        "Access-Control-Max-Age", "600"));
  }

  @Override
  public Map<String, String> responseHeaders(HttpRequest request, ChannelContext ctx) {
    String origin = request.header("origin");
    if (origin == null || !allowed(origin, ctx)) {
      return Map.of();
    }
    Map<String, String> h = new HashMap<>();
    h.put("Access-Control-Allow-Origin", origin);
    h.put("Vary", "Origin");
    h.put("Access-Control-Expose-Headers", "Retry-After");
    return h;
  }

  private static boolean allowed(String origin, ChannelContext ctx) {
    String o = origin.trim().replaceAll("/+$", "");
    for (String list : ctx.secret(ALLOWED_ORIGINS)) {
      if (Arrays.stream(list.split(",")).map(String::trim).anyMatch(a -> a.equals("*") || a.equalsIgnoreCase(o))) {
        return true;
      }
    }
    return false;
  }

  private static String fingerprint(String key) {
    return sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
