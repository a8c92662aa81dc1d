package dev.listeningpost.local.template;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SNS Publish (AWS Query protocol) on a loopback port: there is no SNS emulator in the build, and this lets
 * the alerts function's real {@code SnsTopicPublisher} and SDK client run as in Lambda. Keeps what was
 * published (form parameters by name).
 */
final class FakeSns implements AutoCloseable {
  private final HttpServer server;
  private final List<Map<String, String>> published = new ArrayList<>();

  FakeSns() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<Map<String, String>> published() {
    return List.copyOf(published);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      int status = 200;
      String body;
      if ("Publish".equals(form.get("Action"))) {
        synchronized (this) {
          published.add(form);
        }
        body = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
            + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
            + "</RequestId></ResponseMetadata></PublishResponse>";
      } else {
        status = 400;
        body = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>not emulated: "
            + form.get("Action") + "</Message></Error></ErrorResponse>";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/xml");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
