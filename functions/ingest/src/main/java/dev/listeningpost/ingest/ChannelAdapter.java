package dev.listeningpost.ingest;

import dev.listeningpost.ingest.http.WebhookException;
import dev.listeningpost.ingest.http.WebhookRequest;
import dev.listeningpost.ingest.http.WebhookResponse;
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

  /** Media types this channel posts; anything else is answered 415. */
  default Set<String> mediaTypes() {
    return Set.of("application/json");
  }

  /**
   * Answers a GET the platform sends when a webhook is registered (X CRC, Meta subscribe).
   * Channels without one keep the default: 405.
   */
  default WebhookResponse handshake(WebhookRequest request, ChannelContext context) {
    throw new WebhookException(405, "method-not-allowed", "Method not allowed",
        "the " + channel() + " webhook accepts POST only");
  }

  /**
   * Verifies the request came from the platform: the signature over the raw body bytes, in
   * constant time, and the timestamp window where one is signed. Throws a 401
   * {@link WebhookException} otherwise. Runs before any parsing.
   */
  void verify(WebhookRequest request, ChannelContext context);

  /**
   * Turns a verified delivery into feedback changes, or a handshake answer, or nothing (an event
   * we do not use: still 200 so the platform neither retries nor disables the webhook).
   * Throws a 400 {@link WebhookException} for a payload that is not what the platform sends.
   */
  Delivery parse(WebhookRequest request, ChannelContext context);
}
