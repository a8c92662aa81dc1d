package dev.listeningpost.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signature-valid delivery the channel's adapter could not parse, kept so nothing is lost: the
 * raw body (gzip), the error, and the request headers the adapter reads besides the body (event
 * names, instance URLs; never signatures) so a fixed adapter can reparse it later.
 *
 * @param id          stable for the same body on the same channel and source, so redeliveries dedupe
 * @param channel     channel name
 * @param workspace   the {@code {source}} path segment, null if absent
 * @param receivedAt  when the delivery arrived (also its created time: the payload's own is unknown)
 * @param rawPayload  the body, gzip-compressed
 * @param error       exception class and message, never the body
 * @param headers     replayable request headers, lower-case names
 */
public record Unparsed(String id, String channel, String workspace, Instant receivedAt, byte[] rawPayload,
                       String error, Map<String, String> headers) {

  public Unparsed {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(receivedAt, "receivedAt");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** The id of an unparsed body: a hash of the body under channel and source. */
  public static String idOf(String channel, String workspace, byte[] body) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body);
      return FeedbackIds.of(channel, workspace, "unparsed:" + java.util.HexFormat.of().formatHex(digest));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
