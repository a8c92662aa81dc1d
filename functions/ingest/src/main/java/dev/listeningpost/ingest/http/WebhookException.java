package dev.listeningpost.ingest.http;

/** A request we refuse: carries the HTTP status and problem type it maps to. */
public class WebhookException extends RuntimeException {
  private final int status;
  private final String slug;
  private final String title;

  public WebhookException(int status, String slug, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
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

  public static WebhookException forbidden(String detail) {
    return new WebhookException(403, "forbidden", "Forbidden", detail);
  }
}
