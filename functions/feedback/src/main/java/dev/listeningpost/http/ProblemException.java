package dev.listeningpost.http;

import java.util.Map;

/** A request we refuse: carries the problem it is answered with ({@link Problem#of(ProblemException)}). */
public class ProblemException extends RuntimeException {
  private final int status;
  private final String slug;
  private final String title;
  private final Map<String, String> headers;

  public ProblemException(int status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  /** With response headers, e.g. {@code Retry-After} on a 429. */
  public ProblemException(int status, String slug, String title, String detail, Map<String, String> headers) {
    this(status, slug, title, detail, headers, null);
  }

  /**
   * With the exception that caused the refusal, kept for logs (the answer never shows it). The
   * stack trace is only filled in when there is a cause: plain refusals are frequent and cheap.
   */
  public ProblemException(int status, String slug, String title, String detail, Map<String, String> headers,
                          Throwable cause) {
    super(detail, cause, false, cause != null);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  /** The last segment of the problem {@code type} URI. */
  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
