package dev.listeningpost.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.listeningpost.analyze.api.ReadApi;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import dev.listeningpost.ingest.http.Problem;
import dev.listeningpost.ingest.http.WebhookRequest;
import dev.listeningpost.ingest.http.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local HTTP surface: the same webhook routes as the deployed HTTP API, a read API and jobs on
 * demand. Everything delegates to the services the Lambda functions use.
 */
final class LocalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final WebhookService webhooks;
  private final ReadApi readApi;
  private final LocalJobs jobs;
  private final IngestSettings settings;

  LocalServer(int port, WebhookService webhooks, ReadApi readApi, LocalJobs jobs, IngestSettings settings)
      throws IOException {
    this.webhooks = webhooks;
    this.readApi = readApi;
    this.jobs = jobs;
    this.settings = settings;
    // The JDK server leaves Nagle's algorithm on unless told: with delayed ACKs on the client each
    // small response then waits ~40 ms. Read once, when the server class initialises.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 64);
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::route);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void route(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    try {
      if (path.startsWith("/webhooks/")) {
        webhook(ex);
      } else if (path.equals("/health")) {
        json(ex, 200, JSON.createObjectNode().put("status", "ok").put("channels", String.join(",", webhooks.channels().stream().sorted().toList())));
      } else if (ReadApi.serves(path)) {
        ReadApi.Response r = readApi.handle(method, path, HttpExchanges.query(ex));
        HttpExchanges.send(ex, r.status(), r.contentType(), r.body(), Map.of());
      } else if (path.startsWith("/api/") || path.startsWith("/digests/") || path.startsWith("/local/jobs/")) {
        LocalJobs.Result r = jobs.handle(method, path, HttpExchanges.query(ex));
        HttpExchanges.send(ex, r.status(), r.contentType(), r.body(), Map.of());
      } else if (path.equals("/")) {
        HttpExchanges.send(ex, 200, "text/html; charset=utf-8", index(), Map.of());
      } else {
        problem(ex, Problem.of(404, "not-found", "Not found", "no route for " + method + " " + path));
      }
    } catch (StorageUnavailableException e) {
      problem(ex, Problem.of(503, "storage-unavailable", "Temporarily unavailable", "storage is unavailable; retry later"));
    } catch (IllegalArgumentException e) {
      problem(ex, Problem.of(400, "bad-request", "Bad request", e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", method, path, e);
      problem(ex, Problem.of(500, "internal-error", "Internal error", "the request failed; see the server log"));
    }
  }

  private void webhook(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      // Read at most one byte past the limit: enough to answer 413 without buffering a huge body.
      body = in.readNBytes(settings.maxBodyBytes() + 1);
    }
    WebhookRequest request = new WebhookRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(),
        HttpExchanges.headers(ex), HttpExchanges.query(ex), body);
    WebhookResponse response = webhooks.handle(request);
    HttpExchanges.send(ex, response.status(), response.contentType(), response.body(), response.headers());
  }

  private static void json(HttpExchange ex, int status, ObjectNode body) throws IOException {
    HttpExchanges.send(ex, status, "application/json", body.toString(), Map.of());
  }

  private static void problem(HttpExchange ex, WebhookResponse p) throws IOException {
    HttpExchanges.send(ex, p.status(), p.contentType(), p.body(), p.headers());
  }

  private static String index() {
    return """
        <!doctype html><html><head><meta charset="utf-8"><title>Listening Post (local)</title></head>
        <body style="font-family:sans-serif;max-width:720px;margin:2em auto">
        <h1>Listening Post, running locally</h1>
        <ul>
        <li><a href="/digests/latest">Latest digest</a> (as the executive sees it)</li>
        <li><a href="/api/digests/latest">Latest digest (JSON)</a></li>
        <li><a href="/api/feedback">Feedback of the last 7 days (JSON)</a></li>
        <li><a href="/api/themes">Themes (JSON)</a></li>
        <li><a href="/health">Health</a></li>
        </ul>
        <p>Jobs: <code>curl -X POST localhost:PORT/local/jobs/analyze</code>, <code>/local/jobs/themes</code>,
        <code>/local/jobs/digest?period=2026-W47</code></p>
        </body></html>
        """;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
