package dev.listeningpost.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the caller made it, independent of API Gateway or the local server.
 * The body is the exact raw bytes: signatures are computed over them, never over re-serialised JSON.
 *
 * @param method   upper-case HTTP method ({@code GET} when absent)
 * @param path     request path, e.g. {@code /webhooks/slack}
 * @param headers  header values by lower-case name (first value where a header repeats)
 * @param query    query parameters (first value)
 * @param body     raw body bytes, never null
 */
public record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
                          byte[] body) {

  public HttpRequest {
    method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    path = path == null ? "/" : path;
    TreeMap<String, String> h = new TreeMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> h.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    }
    headers = Collections.unmodifiableMap(h);
    query = query == null ? Map.of() : Map.copyOf(query);
    body = body == null ? new byte[0] : body;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Media type without parameters, lower case; null when absent. */
  public String mediaType() {
    String ct = header("content-type");
    if (ct == null) {
      return null;
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
