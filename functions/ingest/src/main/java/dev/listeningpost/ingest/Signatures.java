package dev.listeningpost.ingest;

import dev.listeningpost.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC helpers shared by the adapters. Comparisons are constant-time. */
public final class Signatures {
  private Signatures() {
  }

  public static byte[] hmac(String algorithm, String key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      for (byte[] p : parts) {
        mac.update(p);
      }
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }

  public static String hmacSha256Hex(String key, byte[]... parts) {
    return HexFormat.of().formatHex(hmac("HmacSHA256", key, parts));
  }

  public static String hmacSha256Base64(String key, byte[]... parts) {
    return Base64.getEncoder().encodeToString(hmac("HmacSHA256", key, parts));
  }

  public static String hmacSha1Hex(String key, byte[]... parts) {
    return HexFormat.of().formatHex(hmac("HmacSHA1", key, parts));
  }

  /** Constant-time equality of two strings' bytes; false if either is null. */
  public static boolean constantTimeEquals(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * True when any candidate secret produces the given signature. Every candidate is always
   * computed, so timing does not reveal which one matched.
   */
  public static boolean anyMatches(List<String> secrets, String given, java.util.function.Function<String, String> sign) {
    boolean ok = false;
    for (String s : secrets) {
      ok |= constantTimeEquals(sign.apply(s), given);
    }
    return ok;
  }

  /** Rejects a signed timestamp (epoch seconds) further than {@code window} from now, in either direction. */
  public static Instant requireFresh(String epochSeconds, Instant now, Duration window) {
    if (epochSeconds == null || epochSeconds.isBlank()) {
      throw WebhookException.unauthorized("missing signature timestamp");
    }
    long ts;
    try {
      ts = Long.parseLong(epochSeconds.trim());
    } catch (NumberFormatException e) {
      throw WebhookException.unauthorized("signature timestamp is not a number");
    }
    if (Math.abs(ts) > 100_000_000_000L) {
      throw WebhookException.unauthorized("signature timestamp is outside the " + window.toMinutes() + "-minute window");
    }
    return requireFresh(Instant.ofEpochSecond(ts), now, window);
  }

  /** Rejects a signed instant further than {@code window} from now, in either direction. */
  public static Instant requireFresh(Instant t, Instant now, Duration window) {
    if (Duration.between(t, now).abs().compareTo(window) > 0) {
      throw WebhookException.unauthorized("signature timestamp is outside the " + window.toMinutes() + "-minute window");
    }
    return t;
  }

  /** The secrets for a verification, or a 401 naming what is missing (never its value). */
  public static List<String> requireSecrets(ChannelContext ctx, String name) {
    List<String> secrets = ctx.secret(name);
    if (secrets.isEmpty()) {
      throw new WebhookException(401, "secret-not-configured", "Signature verification failed",
          "no " + name + " is configured for " + ctx.channel() + (ctx.source() == null ? "" : "/" + ctx.source()));
    }
    return secrets;
  }

  /**
   * The common scheme "a header carries a signature of the raw body": requires the header, the
   * configured secrets, and a match for one of them (current or previous).
   *
   * @param header     the signature header, as the platform documents it
   * @param secretName the secret's name, see {@link ChannelContext#secret(String)}
   * @param sign       the expected header value for one secret
   */
  public static void requireBodySignature(HttpRequest request, ChannelContext ctx,
                                          String header, String secretName,
                                          java.util.function.Function<String, String> sign) {
    String signature = request.header(header);
    if (signature == null) {
      throw WebhookException.unauthorized("missing " + header + " header");
    }
    List<String> secrets = requireSecrets(ctx, secretName);
    if (!anyMatches(secrets, signature, sign)) {
      throw WebhookException.unauthorized(header + " does not match the request body");
    }
  }
}
