package dev.listeningpost.ingest.http;

/** A request we refuse: carries the HTTP status and problem type it maps to. */
public class WebhookException extends RuntimeException {
  private final int status;
  private final String slug;
  private final String title;
  private final java.util.Map<String, String> headers;

  public WebhookException(int status, String slug, String title, String detail) {
    this(status, slug, title, detail, java.util.Map.of());
  }

  /** With response headers, e.g. {@code Retry-After} on a 429. */
  public WebhookException(int status, String slug, String title, String detail, java.util.Map<String, String> headers) {
    this(status, slug, title, detail, headers, null);
  }

  /**
   * With the exception that caused the refusal, kept for logs (the answer never shows it). The
   * stack trace is only filled in when there is a cause: plain refusals are frequent and cheap.
   */
  public WebhookException(int status, String slug, String title, String detail, java.util.Map<String, String> headers,
                          Throwable cause) {
    super(detail, cause, false, cause != null);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.headers = java.util.Map.copyOf(headers);
  }

  public java.util.Map<String, String> headers() {
    return headers;
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public static WebhookException unauthorized(String detail) {
    return new WebhookException(401, "invalid-signature", "Signature verification failed", detail);
  }

  public static WebhookException malformed(String detail) {
    return new WebhookException(400, "malformed-payload", "Malformed payload", detail);
  }

  public static WebhookException malformed(String detail, Throwable cause) {
    return new WebhookException(400, "malformed-payload", "Malformed payload", detail, java.util.Map.of(), cause);
  }

  public static WebhookException unauthorized(String detail, Throwable cause) {
    return new WebhookException(401, "invalid-signature", "Signature verification failed", detail, java.util.Map.of(), cause);
  }

  public static WebhookException forbidden(String detail) {
    return new WebhookException(403, "forbidden", "Forbidden", detail);
  }
}
