package dev.listeningpost.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import dev.listeningpost.ingest.http.Problem;
import dev.listeningpost.ingest.http.WebhookRequest;
import dev.listeningpost.ingest.http.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
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
  private static final Duration MAX_RANGE = Duration.ofDays(366);

  private final HttpServer server;
  private final ExecutorService executor;
  private final WebhookService webhooks;
  private final FeedbackStore feedback;
  private final LocalJobs jobs;
  private final IngestSettings settings;
  private final Clock clock;

  LocalServer(int port, WebhookService webhooks, FeedbackStore feedback, LocalJobs jobs, IngestSettings settings,
              Clock clock) throws IOException {
    this.webhooks = webhooks;
    this.feedback = feedback;
    this.jobs = jobs;
    this.settings = settings;
    this.clock = clock;
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
      } else if (path.equals("/api/feedback") && method.equals("GET")) {
        feedbackList(ex);
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

  private void feedbackList(HttpExchange ex) throws IOException {
    Map<String, String> q = HttpExchanges.query(ex);
    Instant until = instant(q.get("until"), "until", clock.instant());
    Instant since = instant(q.get("since"), "since", until.minus(Duration.ofDays(7)));
    if (!since.isBefore(until)) {
      throw new IllegalArgumentException("'since' must be before 'until'");
    }
    if (Duration.between(since, until).compareTo(MAX_RANGE) > 0) {
      throw new IllegalArgumentException("the range may span at most 366 days");
    }
    List<Feedback> items = feedback.createdBetween(since, until, q.get("channel"));
    ObjectNode out = JSON.createObjectNode();
    out.put("since", since.toString());
    out.put("until", until.toString());
    out.put("count", items.size());
    ArrayNode arr = out.putArray("items");
    items.forEach(f -> arr.add(FeedbackJson.of(JSON, f)));
    json(ex, 200, out);
  }

  private static Instant instant(String v, String name, Instant dflt) {
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant or date, e.g. 2026-11-16T00:00:00Z");
    }
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
