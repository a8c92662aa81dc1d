package dev.listeningpost.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable feedback ids: the same platform object always gets the same id. */
public final class FeedbackIds {
  private FeedbackIds() {
  }

  /**
   * A 32-hex-character id (128 bits of SHA-256) of channel, workspace and the channel's own id.
   * The channel name is kept as a readable prefix, handy in logs and the console.
   */
  public static String of(String channel, String workspace, String sourceId) {
    String key = channel + '\u0000' + (workspace == null ? "" : workspace) + '\u0000' + sourceId;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return channel + "_" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
