package dev.listeningpost.ingest;

import dev.listeningpost.http.ProblemException;
import java.util.Map;

/** A webhook delivery we refuse, with the refusals every adapter shares. */
public class WebhookException extends ProblemException {

  public WebhookException(int status, String slug, String title, String detail) {
    super(status, slug, title, detail);
  }

  /** With response headers, e.g. {@code Retry-After} on a 429. */
  public WebhookException(int status, String slug, String title, String detail, Map<String, String> headers) {
    super(status, slug, title, detail, headers);
  }

  /** With the exception that caused the refusal, kept for logs (the answer never shows it). */
  public WebhookException(int status, String slug, String title, String detail, Map<String, String> headers,
                          Throwable cause) {
    super(status, slug, title, detail, headers, cause);
  }

  public static WebhookException unauthorized(String detail) {
    return new WebhookException(401, "invalid-signature", "Signature verification failed", detail);
  }

  public static WebhookException unauthorized(String detail, Throwable cause) {
    return new WebhookException(401, "invalid-signature", "Signature verification failed", detail, Map.of(), cause);
  }

  public static WebhookException malformed(String detail) {
    return new WebhookException(400, "malformed-payload", "Malformed payload", detail);
  }

  public static WebhookException malformed(String detail, Throwable cause) {
    return new WebhookException(400, "malformed-payload", "Malformed payload", detail, Map.of(), cause);
  }

  public static WebhookException forbidden(String detail) {
    return new WebhookException(403, "forbidden", "Forbidden", detail);
  }
}
