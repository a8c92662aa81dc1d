package dev.listeningpost.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.feedback.Unparsed;
import dev.listeningpost.feedback.priming.Priming;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import dev.listeningpost.feedback.store.WriteOutcome;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.http.Problem;
import dev.listeningpost.ingest.secrets.SecretResolver;
import dev.listeningpost.ingest.secrets.SecretsUnavailableException;
import dev.listeningpost.ingest.staff.StaffDirectory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code /webhooks/{channel}[/{source}]}: routing, limits, media type, signature, parsing and
 * idempotent storage. The same service answers in Lambda, in the local stack and in benchmarks.
 *
 * <p>Order matters: size and media type are checked before the signature (cheap, and no secret is
 * touched for junk), the signature before parsing (nothing unverified is interpreted), and storage
 * errors become 503 so the platform redelivers; redelivery is harmless because every write is conditional.
 *
 * <p>No silent loss: once the signature is valid, an exception from the adapter other than its
 * deliberate 4xx refusals (an adapter bug, a payload change) keeps the body as an {@code UNPARSED}
 * item and answers 200, because the platform cannot fix it by retrying and would drop a 4xx for
 * good. It is logged at WARN (class and stack, never the body) and counted
 * ({@value IngestMetrics#UNPARSED}); the reparse job recovers it once the adapter is fixed.
 */
@Singleton
public class WebhookService {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  // Compiled once: String.replaceAll compiles its pattern on every call, and handle runs per request.
  private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Map<String, ChannelAdapter> adapters;
  private final FeedbackStore store;
  private final SecretResolver secrets;
  private final StaffDirectory staff;
  private final IngestSettings settings;
  private final Clock clock;
  private final ChangeWriter writer;
  private final IngestMetrics metrics = new IngestMetrics();

  public WebhookService(List<ChannelAdapter> adapters, FeedbackStore store, SecretResolver secrets,
                        StaffDirectory staff, IngestSettings settings, Clock clock) {
    this.adapters = adapters.stream().collect(Collectors.toUnmodifiableMap(ChannelAdapter::channel, Function.identity()));
    this.store = store;
    this.secrets = secrets;
    this.staff = staff;
    this.settings = settings;
    this.clock = clock;
    this.writer = new ChangeWriter(store);
    Priming.register("ingest", this::prime);
  }

  /**
   * What a cold first webhook pays for besides its own work, done before a SnapStart snapshot: routing and
   * the problem+json writer, the adapters' JSON parser, HMAC (Slack, GitHub, ...) and Ed25519 (Discord)
   * verification, and the DynamoDB client's first request (a GetItem of a key that never exists: signing,
   * marshalling, the HTTP connection). Reads only.
   */
  void prime() {
    handle(new HttpRequest("GET", "/priming", Map.of(), Map.of(), new byte[0]));
    Payloads.object("{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"text\":\"priming\",\"ts\":\"1.0\"}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Signatures.hmacSha256Hex("priming", "v0:0:".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Signatures.hmacSha1Hex("priming", "priming".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      java.security.KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(new byte[] {1});
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
      verifier.initVerify(keys.getPublic());
      verifier.update(new byte[] {1});
      verifier.verify(signature);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available", e);
    }
    store.find(Priming.ABSENT_ID);
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  public java.util.Set<String> channels() {
    return adapters.keySet();
  }

  public HttpResponse handle(HttpRequest request) {
    String[] parts = TRAILING_SLASHES.matcher(request.path()).replaceAll("").split("/");
    // ["", "webhooks", channel, (source)]
    if (parts.length < 3 || parts.length > 4 || !"webhooks".equals(parts[1])) {
      return Problem.notFound("webhook paths are /webhooks/{channel}[/{source}]");
    }
    String channel = parts[2].toLowerCase(Locale.ROOT);
    String source = parts.length == 4 ? parts[3] : null;
    ChannelAdapter adapter = adapters.get(channel);
    if (adapter == null || (source != null && !SEGMENT.matcher(source).matches())) {
      return Problem.of(404, "unknown-channel", "Unknown channel",
          "no channel '" + truncate(parts[2]) + "'; known channels: " + String.join(", ", adapters.keySet().stream().sorted().toList()));
    }
    ChannelContext ctx = new ChannelContext(channel, source, clock.instant(), secrets, staff);
    return withChannelHeaders(adapter, request, ctx, dispatch(adapter, request, ctx, channel, source));
  }

  private HttpResponse dispatch(ChannelAdapter adapter, HttpRequest request, ChannelContext ctx,
                                String channel, String source) {
    try {
      HttpResponse response = switch (request.method()) {
        case "GET" -> adapter.handshake(request, ctx);
        case "POST" -> post(adapter, request, ctx);
        case "OPTIONS" -> adapter.preflight(request, ctx);
        default -> throw new WebhookException(405, "method-not-allowed", "Method not allowed",
            request.method() + " is not supported on webhooks");
      };
      log(channel, source, response.status(), null);
      return response;
    } catch (WebhookException e) {
      log(channel, source, e.status(), e.slug());
      return Problem.of(e);
    } catch (SecretsUnavailableException e) {
      LOG.warn("webhook channel={} source={} status=503 {}", channel, source, e.getMessage());
      return Problem.of(503, "secrets-unavailable", "Temporarily unavailable",
          "the webhook secret could not be loaded; retry later").withHeaders(Map.of("Retry-After", "5"));
    } catch (StorageUnavailableException e) {
      LOG.warn("webhook channel={} source={} status=503 storage unavailable: {}", channel, source, e.getMessage());
      return Problem.storageUnavailable("feedback storage is temporarily unavailable; retry later")
          .withHeaders(Map.of("Retry-After", "5"));
    }
  }

  private static HttpResponse withChannelHeaders(ChannelAdapter adapter, HttpRequest request, ChannelContext ctx,
                                                 HttpResponse response) {
    Map<String, String> extra;
    try {
      extra = adapter.responseHeaders(request, ctx);
    } catch (RuntimeException e) {
      // Extra headers are a courtesy (CORS); failing to compute them must not turn an answer into a 5xx.
      return response;
    }
    return extra.isEmpty() ? response : response.withHeaders(extra);
  }

  private HttpResponse post(ChannelAdapter adapter, HttpRequest request, ChannelContext ctx) {
    if (request.body().length > settings.maxBodyBytes()) {
      throw new WebhookException(413, "payload-too-large", "Payload too large",
          "body is " + request.body().length + " bytes; the limit is " + settings.maxBodyBytes());
    }
    String mediaType = request.mediaType();
    if (mediaType == null || !adapter.mediaTypes().contains(mediaType)) {
      throw new WebhookException(415, "unsupported-media-type", "Unsupported media type",
          "content type " + (mediaType == null ? "(none)" : "'" + truncate(mediaType) + "'")
              + " is not accepted; expected " + String.join(" or ", adapter.mediaTypes()));
    }
    try {
      adapter.verify(request, ctx);
    } catch (WebhookException | SecretsUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // A header or key we could not even decode is an unverified request, not a server fault.
      throw WebhookException.unauthorized("signature could not be checked (" + e.getClass().getSimpleName() + ")", e);
    }
    Delivery delivery;
    Map<WriteOutcome, Integer> counts;
    try {
      delivery = adapter.parse(request, ctx);
      counts = writer.apply(delivery.changes(), ctx.now());
    } catch (WebhookException e) {
      // Signed by the platform, yet not what the adapter knows: keep it for the reparse job (see keepsUnparseable).
      if (e.status() == 400 && adapter.keepsUnparseable()) {
        return unparsed(adapter, request, ctx, e);
      }
      throw e;
    } catch (SecretsUnavailableException | StorageUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // An adapter bug or an unexpected shape: keep the delivery rather than lose it or loop on 5xx.
      return unparsed(adapter, request, ctx, e);
    }
    if (delivery.response() != null) {
      return delivery.response();
    }
    ObjectNode ack = JSON.createObjectNode();
    ack.put("ok", true);
    ack.put("stored", counts.getOrDefault(WriteOutcome.CREATED, 0));
    ack.put("updated", counts.getOrDefault(WriteOutcome.UPDATED, 0));
    ack.put("unchanged", counts.getOrDefault(WriteOutcome.UNCHANGED, 0));
    if (delivery.note() != null) {
      ack.put("note", delivery.note());
    }
    return HttpResponse.json(200, ack.toString());
  }

  private HttpResponse unparsed(ChannelAdapter adapter, HttpRequest request, ChannelContext ctx, RuntimeException e) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("content-type", request.mediaType() == null ? "application/json" : request.mediaType());
    for (String name : adapter.replayHeaders()) {
      String value = request.header(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    Unparsed item = new Unparsed(Unparsed.idOf(ctx.channel(), ctx.source(), request.body()), ctx.channel(), ctx.source(),
        ctx.now(), RawPayloads.compress(request.body()), ParseFailures.describe(e), headers);
    WriteOutcome outcome = store.storeUnparsed(item);
    LOG.warn("webhook channel={} source={} status=200 unparsed id={} outcome={}: the adapter could not parse the delivery",
        ctx.channel(), ctx.source(), item.id(), outcome, ParseFailures.loggable(e));
    metrics.increment(IngestMetrics.UNPARSED, ctx.channel(), ctx.now());
    ObjectNode ack = JSON.createObjectNode();
    ack.put("ok", true);
    ack.put("stored", 0);
    ack.put("unparsed", outcome == WriteOutcome.CREATED ? 1 : 0);
    ack.put("note", "kept unparsed for reprocessing");
    return HttpResponse.json(200, ack.toString());
  }

  private static void log(String channel, String source, int status, String problem) {
    // Never the body, headers or secrets: only what is needed to follow a delivery.
    if (status >= 400) {
      LOG.info("webhook channel={} source={} status={} problem={}", channel, source, status, problem);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("webhook channel={} source={} status={}", channel, source, status);
    }
  }

  private static String truncate(String s) {
    String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
  }
}
