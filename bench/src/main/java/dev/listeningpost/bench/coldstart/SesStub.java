package dev.listeningpost.bench.coldstart;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one SES v2 call the digest and alerts make, {@code SendEmail} ({@code POST /v2/email/outbound-emails}),
 * answered on loopback with a message id, so both cold-start variants send through the real SDK client
 * (signing, marshalling, HTTP) and nothing leaves the machine. Counts what it accepted.
 */
final class SesStub implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger sent = new AtomicInteger();

  SesStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", ex -> {
      try (ex) {
        ex.getRequestBody().readAllBytes();
        boolean send = "POST".equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().equals("/v2/email/outbound-emails");
        byte[] body = (send ? "{\"MessageId\":\"bench-" + UUID.randomUUID() + "\"}"
            : "{\"message\":\"not emulated\"}").getBytes(StandardCharsets.UTF_8);
        if (send) {
          sent.incrementAndGet();
        }
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(send ? 200 : 404, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int sent() {
    return sent.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
