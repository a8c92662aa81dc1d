package dev.listeningpost.bench.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The part of the AWS Lambda Runtime API (2018-06-01) the runtime interface client uses, on loopback:
 * {@code GET /runtime/invocation/next}, {@code POST /runtime/invocation/{id}/response|error} and
 * {@code POST /runtime/init/error}. One invocation per {@link #arm armed} session; a second {@code next}
 * from the same process is parked until the session ends (the harness kills the process by then).
 *
 * <p>The next-invocation answer carries {@code Content-Type} and the {@code Lambda-Runtime-*} headers
 * Lambda sends: the client's native HTTP code crashed without {@code Content-Type}.
 */
public final class RuntimeApiEmulator implements AutoCloseable {
  private static final String BASE = "/2018-06-01/runtime/";
  static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:listening-post-ingest";

  /** What happened to one armed invocation; times are {@link System#nanoTime()}. */
  public record Outcome(boolean ok, String body, long firstNextNanos, long responseNanos) {
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "runtime-api");
    t.setDaemon(true);
    return t;
  });
  private volatile Session session;

  private static final class Session {
    final String requestId = UUID.randomUUID().toString();
    final byte[] payload;
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    final CountDownLatch ended = new CountDownLatch(1);
    volatile long firstNext;
    boolean delivered;

    Session(byte[] payload) {
      this.payload = payload;
    }
  }

  public RuntimeApiEmulator() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(threads);
    server.createContext(BASE, this::handle);
    server.start();
  }

  /** {@code host:port} for {@code AWS_LAMBDA_RUNTIME_API}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues one invocation with {@code eventJson}; the future completes on its response or error. */
  public CompletableFuture<Outcome> arm(String eventJson) {
    Session previous = session;
    if (previous != null) {
      previous.ended.countDown();
    }
    Session s = new Session(eventJson.getBytes(StandardCharsets.UTF_8));
    session = s;
    return s.outcome;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath().substring(BASE.length());
      byte[] body = readAll(ex.getRequestBody());
      long now = System.nanoTime();
      Session s = session;
      if ("GET".equals(ex.getRequestMethod()) && path.equals("invocation/next")) {
        next(ex, s, now);
      } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
        complete(s, path, true, body, now);
        reply(ex, 202, "{\"status\":\"OK\"}");
      } else if (path.startsWith("invocation/") && path.endsWith("/error") || path.equals("init/error")) {
        complete(s, path, false, body, now);
        reply(ex, 202, "{\"status\":\"OK\"}");
      } else {
        reply(ex, 404, "{\"errorMessage\":\"unknown path\"}");
      }
    } catch (IOException e) {
      // The harness killed the function while it waited for its next invocation.
    }
  }

  private void next(HttpExchange ex, Session s, long now) throws IOException {
    boolean deliver;
    synchronized (this) {
      deliver = s != null && !s.delivered;
      if (deliver) {
        s.delivered = true;
        s.firstNext = now;
      }
    }
    if (!deliver) {
      // Like Lambda, answer only when there is work: park until this session is over.
      if (s != null) {
        try {
          s.ended.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      reply(ex, 500, "{\"errorMessage\":\"no invocation\"}");
      return;
    }
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", s.requestId);
    ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
    ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
    ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
        "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + s.requestId.replace("-", "").substring(0, 24)
            + ";Parent=0000000000000001;Sampled=0");
    ex.sendResponseHeaders(200, s.payload.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(s.payload);
    }
  }

  private static void complete(Session s, String path, boolean ok, byte[] body, long now) {
    if (s == null) {
      return;
    }
    boolean mine = path.equals("init/error") || path.startsWith("invocation/" + s.requestId + "/");
    if (mine) {
      s.outcome.complete(new Outcome(ok, new String(body, StandardCharsets.UTF_8), s.firstNext, now));
    }
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    Session s = session;
    if (s != null) {
      s.ended.countDown();
    }
    server.stop(0);
    threads.shutdownNow();
  }
}
