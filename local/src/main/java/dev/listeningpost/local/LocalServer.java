package dev.listeningpost.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.http.Problem;
import dev.listeningpost.http.Route;
import dev.listeningpost.http.RouteTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local HTTP surface: the HTTP API routes template.yaml declares, each served by its
 * function's service ({@link FunctionIntegration}), plus the local-only routes of {@link LocalRoutes}
 * (index, health, digests, jobs on demand).
 */
final class LocalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
  static final String DEFAULT_HOST = "127.0.0.1";
  /** Workers: webhook senders retry on slow answers, so requests must not queue behind a long job call. */
  static final int WORKERS = 16;
  static final long MAX_REQUEST_SECONDS = 30;
  static final int DRAIN_SECONDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean draining;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RouteTable templateRoutes;
  private final Map<String, FunctionIntegration> functions;
  private final LocalJobs jobs;
  private final Supplier<List<String>> channels;

  /**
   * @param templateRoutes the HTTP API routes of template.yaml, each to a function's logical id
   * @param functions      how each function the template's routes name is served; a route to a
   *                       function without one fails the start, so the template never names a route
   *                       the local stack silently drops
   */
  LocalServer(int port, RouteTable templateRoutes, Map<String, FunctionIntegration> functions, LocalJobs jobs,
              Supplier<List<String>> channels) throws IOException {
    this(DEFAULT_HOST, port, templateRoutes, functions, jobs, channels);
  }

  /**
   * @param host the address to listen on: loopback unless told otherwise, so a laptop's local stack
   *             (which serves stored feedback without authentication) is not reachable from its network
   */
  LocalServer(String host, int port, RouteTable templateRoutes, Map<String, FunctionIntegration> functions,
              LocalJobs jobs, Supplier<List<String>> channels) throws IOException {
    for (Route r : templateRoutes.routes()) {
      if (!functions.containsKey(r.target())) {
        throw new IllegalStateException("template.yaml routes " + r.method() + " " + r.path() + " to " + r.target()
            + ", which the local stack cannot serve (known: " + functions.keySet() + ")");
      }
    }
    this.templateRoutes = templateRoutes;
    this.functions = Map.copyOf(functions);
    this.jobs = jobs;
    this.channels = channels;
    // The JDK server leaves Nagle's algorithm on unless told: with delayed ACKs on the client each
    // small response then waits ~40 ms. Read once, when the server class initialises.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // A client that sends its request slowly (or never finishes it) is cut off instead of holding a worker.
    System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(MAX_REQUEST_SECONDS));
    this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
    this.executor = Executors.newFixedThreadPool(WORKERS, r -> {
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
    inFlight.incrementAndGet();
    try {
      HttpExchanges.send(ex, draining ? stopping() : respond(ex));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** While stopping: a sender retries later (to the restarted stack); nothing is half-stored. */
  private static HttpResponse stopping() {
    return Problem.of(503, "shutting-down", "Temporarily unavailable", "the local stack is stopping; retry later")
        .withHeaders(Map.of("Retry-After", "5"));
  }

  private HttpResponse respond(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    HttpResponse response;
    try {
      response = answer(ex, method, path);
    } catch (StorageUnavailableException e) {
      response = Problem.storageUnavailable("storage is unavailable; retry later");
    } catch (IllegalArgumentException e) {
      response = Problem.badRequest(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", method, path, e);
      response = Problem.internalError("the request failed; see the server log");
    }
    return response;
  }

  private HttpResponse answer(HttpExchange ex, String method, String path) throws IOException {
    RouteTable.Lookup api = templateRoutes.lookup(method, path);
    if (api.outcome() == RouteTable.Outcome.NOT_FOUND) {
      return local(ex, method, path);
    }
    if (api.outcome() == RouteTable.Outcome.METHOD_NOT_ALLOWED) {
      return Problem.methodNotAllowed("no route for " + method + " " + path);
    }
    // Matched, or a CORS preflight: the HTTP API's CORS configuration answers it in AWS; the
    // function's own CORS handling (per-source widget origins) answers it here.
    FunctionIntegration function = functions.get(api.route().target());
    return function.service().apply(HttpExchanges.request(ex, function.bodyLimit()));
  }

  private HttpResponse local(HttpExchange ex, String method, String path) throws IOException {
    RouteTable.Lookup local = LocalRoutes.LOCAL_ONLY.lookup(method, path);
    if (local.outcome() == RouteTable.Outcome.NOT_FOUND) {
      return Problem.notFound("no route for " + method + " " + path);
    }
    if (local.outcome() != RouteTable.Outcome.MATCHED) {
      return Problem.methodNotAllowed("no route for " + method + " " + path);
    }
    return switch (local.route().target()) {
      case LocalRoutes.INDEX -> HttpResponse.html(200, index());
      case LocalRoutes.HEALTH -> HttpResponse.json(200,
          JSON.createObjectNode().put("status", "ok").put("channels", String.join(",", channels.get())).toString());
      default -> jobs.handle(HttpExchanges.request(ex, 0));
    };
  }

  private static String index() {
    return """
        <!doctype html><html><head><meta charset="utf-8"><title>Listening Post (local)</title></head>
        <body style="font-family:sans-serif;max-width:720px;margin:2em auto">
        <h1>Listening Post, running locally</h1>
        <ul>
        <li><a href="/digests/latest">Latest digest</a> (as the executive sees it)</li>
        <li><a href="/api/digests/latest">Latest digest (JSON)</a>; any week: <code>/digests/2026-W47</code>,
        a preview of the last complete week (not archived, not sent): <a href="/digests/latest?preview=true">/digests/latest?preview=true</a></li>
        <li><a href="/api/feedback">Feedback of the last 7 days (JSON)</a></li>
        <li><a href="/api/themes">Themes (JSON)</a></li>
        <li><a href="/health">Health</a></li>
        </ul>
        <p>Jobs: <code>curl -X POST localhost:PORT/local/jobs/analyze</code>, <code>/local/jobs/themes</code>,
        <code>/local/jobs/digest?period=2026-W47</code></p>
        </body></html>
        """;
  }

  String host() {
    return server.getAddress().getAddress().getHostAddress();
  }

  /**
   * Lets requests in flight finish (up to {@link #DRAIN_SECONDS}; new ones get a 503 to retry), then
   * stops. Counted here, not by {@code HttpServer.stop(delay)}: on JDK 17 that always waits the whole
   * delay, even when nothing is in flight.
   */
  @Override
  public void close() {
    draining = true;
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
