package dev.listeningpost.bench.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.bench.ingest.SlackEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local stack as a user runs it (the packaged jar, dynoxide persisting to its data dir): N
 * distinct signed Slack deliveries from C concurrent senders over HTTP, then redeliveries of one of
 * them, then the analyze job over the stream. Prints requests/s and latency percentiles per phase
 * and the analyze job's items/s.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.listeningpost.bench.local.LocalStackThroughput
 *     [--items 2000] [--senders 16] [--redeliveries 1000] [--jar local/target/listening-post-local.jar]</pre>
 */
public final class LocalStackThroughput {
  private static final String SECRET = "bench-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String[] TEXTS = {
      "The CSV export times out for workspaces with more than 10k rows",
      "Love the new dashboard, it saves me an hour a week",
      "Where do I change the billing address on my invoice?",
      "Login with SSO fails since this morning, error 500",
      "Could you add dark mode to the mobile app please",
      "Support answered in minutes, thank you so much",
      "The app crashes when I upload a photo larger than 5 MB",
      "Pricing page says 10 seats but I was charged for 12"};

  private LocalStackThroughput() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int items = Integer.parseInt(opts.getOrDefault("items", "2000"));
    // 16 concurrent senders on loopback (issue 12): the local server sets TCP_NODELAY on its sockets
    // (LocalServer) and the JDK HttpClient sets it on its own connections.
    int senders = Integer.parseInt(opts.getOrDefault("senders", "16"));
    int redeliveries = Integer.parseInt(opts.getOrDefault("redeliveries", "1000"));
    Path root = SlackEvents.repoRoot();
    Path jar = root.resolve(opts.getOrDefault("jar", "local/target/listening-post-local.jar"));
    SlackEvents events = new SlackEvents(root);
    Path dataDir = Files.createTempDirectory("lp-local-bench");
    System.out.printf(Locale.ROOT, "machine: %d cores; load %s; %s%n", Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).strip(), Instant.now());
    Process stack = start(jar, dataDir);
    try {
      String base = "http://127.0.0.1:" + port;
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        bodies.add(withText(events.uniqueMessageBody(i), TEXTS[i % TEXTS.length] + " (#" + i + ")"));
      }
      report("new deliveries", send(base, bodies, senders));
      if (redeliveries > 0) {
        report("redeliveries", send(base, java.util.Collections.nCopies(redeliveries, bodies.get(0)), senders));
      }
      long[] cpu0 = cpuMillis(stack);
      long t0 = System.nanoTime();
      HttpResponse<String> analyzed = post(base + "/local/jobs/analyze");
      double seconds = (System.nanoTime() - t0) / 1e9;
      long[] cpu1 = cpuMillis(stack);
      JsonNode out = JSON.readTree(analyzed.body());
      int done = out.path("outcomes").path("analyzed").asInt();
      System.out.printf(Locale.ROOT, "analyze job: %d stream records, %d items analysed in %.1f s = %.0f items/s%n",
          out.path("records").asInt(), done, seconds, done / seconds);
      // Where the job's CPU went: the stack's JVM (stream read, decode, embedding, sentiment, SDK
      // calls) versus dynoxide (the conditional updates); on 2 cores the sum bounds the rate.
      System.out.printf(Locale.ROOT, "analyze job CPU: stack JVM %.1f s (%.2f ms/item), dynoxide %.1f s (%.2f ms/item), "
              + "wall %.1f s x %d cores%n", (cpu1[0] - cpu0[0]) / 1e3, (cpu1[0] - cpu0[0]) / (double) Math.max(1, done),
          (cpu1[1] - cpu0[1]) / 1e3, (cpu1[1] - cpu0[1]) / (double) Math.max(1, done), seconds,
          Runtime.getRuntime().availableProcessors());
    } finally {
      stack.destroy();
      stack.waitFor(30, TimeUnit.SECONDS);
      stack.destroyForcibly();
    }
  }

  private static int port;

  /** CPU time so far of the stack's JVM and of its children (dynoxide), in ms; -1 where unknown. */
  private static long[] cpuMillis(Process stack) {
    long jvm = stack.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    long children = stack.descendants().mapToLong(p -> p.info().totalCpuDuration()
        .map(java.time.Duration::toMillis).orElse(0L)).sum();
    return new long[] {jvm, children};
  }

  private static Process start(Path jar, Path dataDir) throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--port", Integer.toString(port), "--data-dir", dataDir.toString())
        .redirectErrorStream(true).redirectOutput(dataDir.resolve("stack.log").toFile());
    pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
    Process p = pb.start();
    Instant deadline = Instant.now().plusSeconds(90);
    while (Instant.now().isBefore(deadline) && p.isAlive()) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return p;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("local stack did not start: " + Files.readString(dataDir.resolve("stack.log")));
  }

  private record Phase(int requests, double seconds, long[] nanos, long failures) {
  }

  private static Phase send(String base, List<String> bodies, int senders) throws Exception {
    long[] nanos = new long[bodies.size()];
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      int n = i;
      futures.add(pool.submit(() -> {
        String body = bodies.get(n);
        Map<String, String> headers = SlackEvents.signedHeaders(SECRET, Instant.now(), body);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/webhooks/slack"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(req::header);
        long t = System.nanoTime();
        try {
          int status = HTTP.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status != 200) {
            failures.incrementAndGet();
          }
        } catch (Exception e) {
          failures.incrementAndGet();
        }
        nanos[n] = System.nanoTime() - t;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Phase(bodies.size(), seconds, nanos, failures.get());
  }

  private static void report(String name, Phase p) {
    long[] sorted = p.nanos().clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%s: %d requests in %.1f s = %.0f req/s; p50 %.1f ms, p99 %.1f ms; non-200: %d%n",
        name, p.requests(), p.seconds(), p.requests() / p.seconds(), pct(sorted, 0.50), pct(sorted, 0.99), p.failures());
    System.out.printf(Locale.ROOT, "  %s: p90 %.1f ms, p99.9 %.1f ms, max %.1f ms; load %s%n", name, pct(sorted, 0.90),
        pct(sorted, 0.999), sorted[sorted.length - 1] / 1e6, loadAverage());
  }

  private static String loadAverage() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).strip().split(" "), 3));
    } catch (IOException e) {
      return "?";
    }
  }

  private static double pct(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
  }

  private static String withText(String body, String text) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(body);
    ((ObjectNode) root.get("event")).put("text", text);
    return root.toString();
  }

  private static HttpResponse<String> post(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return m;
  }
}
