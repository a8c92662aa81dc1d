package dev.listeningpost.ingest;

import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import java.util.Set;

/**
 * One community channel. Adding a channel is one implementation of this interface (a jakarta
 * {@code @Singleton}), its sample events under {@code events/ingest/<channel>/}, its tests and a section
 * in docs/channels.md. The {@link WebhookService} does routing, limits, media types, storage and
 * error mapping, so an adapter only knows its platform.
 */
public interface ChannelAdapter {

  /** Path segment and stored channel name, lower case: {@code /webhooks/{channel}}. */
  String channel();

  /**
   * Whether a signed delivery whose parse this adapter refuses as malformed (a 400: not JSON, a
   * required field missing, a shape it does not know) is kept raw as {@code UNPARSED} and acknowledged
   * with 200 instead. True for platforms: they never retry a 4xx, so a payload change would lose
   * feedback for good, while a kept delivery is recovered by the reparse job once the adapter is
   * fixed. A first-party client that submits what a person typed (the widget) answers the 400, so the
   * person can correct it.
   */
  default boolean keepsUnparseable() {
    return true;
  }

  /** Media types this channel posts; anything else is answered 415. */
  default Set<String> mediaTypes() {
    return Set.of("application/json");
  }

  /**
   * Answers a GET the platform sends when a webhook is registered (X CRC, Meta subscribe).
   * Channels without one keep the default: 405.
   */
  default HttpResponse handshake(HttpRequest request, ChannelContext context) {
    throw new WebhookException(405, "method-not-allowed", "Method not allowed",
        "the " + channel() + " webhook accepts POST only");
  }

  /**
   * Answers a CORS preflight ({@code OPTIONS}). Only channels called from browsers (the widget)
   * override it; the default is 405.
   */
  default HttpResponse preflight(HttpRequest request, ChannelContext context) {
    throw new WebhookException(405, "method-not-allowed", "Method not allowed",
        "the " + channel() + " webhook does not accept OPTIONS");
  }

  /**
   * Headers added to every answer on this channel, errors included (CORS for the widget, so a
   * browser can read a 401 or 429). Default: none.
   */
  default java.util.Map<String, String> responseHeaders(HttpRequest request, ChannelContext context) {
    return java.util.Map.of();
  }

  /**
   * Rebuilds the request a stored item came from, for {@link ReparseService}: only the raw body is
   * kept, so channels that read headers in {@link #parse} (event names, instance URLs) restore them
   * here from the stored item. Signatures are not re-checked on a replay.
   */
  default HttpRequest replay(dev.listeningpost.feedback.Feedback stored, byte[] body) {
    return new HttpRequest("POST", "/webhooks/" + channel(),
        java.util.Map.of("content-type", mediaTypes().iterator().next()), java.util.Map.of(), body);
  }

  /**
   * Request headers (lower case) that {@link #parse} reads besides the body, kept with a delivery
   * that could not be parsed so it can be replayed later. Never signature or key headers.
   */
  default Set<String> replayHeaders() {
    return Set.of();
  }

  /**
   * Verifies the request came from the platform: the signature over the raw body bytes, in
   * constant time, and the timestamp window where one is signed. Throws a 401
   * {@link WebhookException} otherwise. Runs before any parsing.
   */
  void verify(HttpRequest request, ChannelContext context);

  /**
   * Turns a verified delivery into feedback changes, or a handshake answer, or nothing (an event
   * we do not use: still 200 so the platform neither retries nor disables the webhook).
   * Throws a 400 {@link WebhookException} for a payload that is not what the platform sends (a
   * deliberate refusal: nothing is stored). Any other exception is an adapter bug or an
   * unexpected payload change: the {@link WebhookService} keeps the delivery as {@code UNPARSED}.
   */
  Delivery parse(HttpRequest request, ChannelContext context);
}
