package dev.listeningpost.ingest.http;

import java.util.Map;

/** What we answer the sender. */
public record WebhookResponse(int status, String contentType, String body, Map<String, String> headers) {

  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  public WebhookResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public static WebhookResponse json(int status, String json) {
    return new WebhookResponse(status, JSON, json, Map.of());
  }

  public static WebhookResponse text(int status, String text) {
    return new WebhookResponse(status, "text/plain; charset=utf-8", text, Map.of());
  }

  public WebhookResponse withHeaders(Map<String, String> extra) {
    java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
    all.putAll(extra);
    return new WebhookResponse(status, contentType, body, all);
  }
}
