package dev.listeningpost.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.http.Problem;
import dev.listeningpost.local.invoke.HttpRoute;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local HTTP surface: the HTTP API routes template.yaml declares, each served by its
 * function's service ({@link FunctionIntegration}), plus the local-only routes of {@link RouteTable}
 * (health, digests, jobs on demand).
 */
final class LocalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final RouteTable routes;
  private final Map<String, FunctionIntegration> functions;
  private final LocalJobs jobs;
  private final Supplier<List<String>> channels;

  /**
   * @param functions how each function the template's routes name is served; a route to a function
   *                  without one fails the start, so the template never names a route the local
   *                  stack silently drops
   */
  LocalServer(int port, RouteTable routes, Map<String, FunctionIntegration> functions, LocalJobs jobs,
              Supplier<List<String>> channels) throws IOException {
    for (HttpRoute r : routes.templateRoutes()) {
      if (!functions.containsKey(r.functionId())) {
        throw new IllegalStateException("template.yaml routes " + r.method() + " " + r.path() + " to " + r.functionId()
            + ", which the local stack cannot serve (known: " + functions.keySet() + ")");
      }
    }
    this.routes = routes;
    this.functions = Map.copyOf(functions);
    this.jobs = jobs;
    this.channels = channels;
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
      Optional<HttpRoute> route = routes.route(method, path);
      Optional<HttpRoute> samePath = routes.anyMethod(path);
      if (route.isPresent()) {
        functions.get(route.get().functionId()).serve(ex);
      } else if (samePath.isPresent() && method.equals("OPTIONS")) {
        // A CORS preflight: the HTTP API's CORS configuration answers it in AWS; the function's own
        // CORS handling (per-source widget origins) answers it here.
        functions.get(samePath.get().functionId()).serve(ex);
      } else if (samePath.isPresent()) {
        problem(ex, Problem.of(405, "method-not-allowed", "Method not allowed", "no route for " + method + " " + path));
      } else if (path.equals("/health")) {
        json(ex, 200, JSON.createObjectNode().put("status", "ok").put("channels", String.join(",", channels.get())));
      } else if (path.equals("/")) {
        HttpExchanges.send(ex, 200, "text/html; charset=utf-8", index(), Map.of());
      } else if (routes.localRoute(path).isPresent()) {
        LocalJobs.Result r = jobs.handle(method, path, HttpExchanges.query(ex));
        HttpExchanges.send(ex, r.status(), r.contentType(), r.body(), Map.of());
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

  private static void json(HttpExchange ex, int status, ObjectNode body) throws IOException {
    HttpExchanges.send(ex, status, "application/json", body.toString(), Map.of());
  }

  private static void problem(HttpExchange ex, HttpResponse p) throws IOException {
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
