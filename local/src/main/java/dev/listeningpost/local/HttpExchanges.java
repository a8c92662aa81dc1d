package dev.listeningpost.local;

import com.sun.net.httpserver.HttpExchange;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JDK HTTP server's exchanges to and from the shared request and response. */
final class HttpExchanges {
  private HttpExchanges() {
  }

  /** The request, with at most {@code bodyLimit} bytes of its body. */
  static HttpRequest request(HttpExchange ex, int bodyLimit) throws IOException {
    byte[] body = new byte[0];
    if (bodyLimit > 0) {
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(bodyLimit);
      }
    }
    return new HttpRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers(ex), query(ex), body);
  }

  static void send(HttpExchange ex, HttpResponse response) throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  private static Map<String, String> query(HttpExchange ex) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  private static Map<String, String> headers(HttpExchange ex) {
    Map<String, String> out = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.put(k, v.get(0));
      }
    });
    return out;
  }
}
