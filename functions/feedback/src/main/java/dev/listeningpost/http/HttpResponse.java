package dev.listeningpost.http;

import java.util.HashMap;
import java.util.Map;

/**
 * What a surface answers: status, content type, text body and extra headers (the content type is
 * kept apart so no caller can forget it). Problems are built by {@link Problem}.
 */
public record HttpResponse(int status, String contentType, String body, Map<String, String> headers) {

  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String TEXT = "text/plain; charset=utf-8";
  public static final String HTML = "text/html; charset=utf-8";

  public HttpResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public static HttpResponse json(int status, String json) {
    return new HttpResponse(status, JSON, json, Map.of());
  }

  public static HttpResponse text(int status, String text) {
    return new HttpResponse(status, TEXT, text, Map.of());
  }

  public static HttpResponse html(int status, String html) {
    return new HttpResponse(status, HTML, html, Map.of());
  }

  /** This response with more headers (a header already set is replaced). */
  public HttpResponse withHeaders(Map<String, String> extra) {
    Map<String, String> all = new HashMap<>(headers);
    all.putAll(extra);
    return new HttpResponse(status, contentType, body, all);
  }
}
