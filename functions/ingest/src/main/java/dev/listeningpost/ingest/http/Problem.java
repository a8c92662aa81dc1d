package dev.listeningpost.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 9457 problem details. {@code type} is a stable URI per problem kind that clients can match on;
 * {@code detail} says what was wrong with this request and never echoes a secret.
 */
public final class Problem {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://listening-post.dev/problems/";

  private Problem() {
  }

  public static WebhookResponse of(int status, String slug, String title, String detail) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", BASE + slug);
    n.put("title", title);
    n.put("status", status);
    if (detail != null) {
      n.put("detail", detail);
    }
    return new WebhookResponse(status, WebhookResponse.PROBLEM_JSON, n.toString(), java.util.Map.of());
  }

  public static WebhookResponse of(WebhookException e) {
    WebhookResponse r = of(e.status(), e.slug(), e.title(), e.getMessage());
    return e.headers().isEmpty() ? r : r.withHeaders(e.headers());
  }
}
