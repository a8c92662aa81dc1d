package dev.listeningpost.bench.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listeningpost.bench.ingest.plain.PlainIngestHandler;
import dev.listeningpost.ingest.IngestHandler;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Warm latency of the ingest handler: {@code --invocations} (100,000) calls of
 * {@code handleRequest(event, context)} in one JVM, each with a fresh event object and a fresh
 * {@link Context} (as the runtime client makes them), timed around the call only. Reports median, p99,
 * p99.9 and max, and the median and p99 of each block of {@code --block} (10,000) calls, to show drift.
 *
 * <p>Scenarios ({@code --scenarios}): {@code redelivery} (the same signed Slack message again and
 * again: verification, parsing and a conditional put that dynoxide rejects); {@code unsigned}
 * (a wrong signature: 401, no storage); {@code handshake} (a signed {@code url_verification}: 200, no
 * storage); {@code new-message} (a new message each call: a real put). Handlers ({@code --handler}):
 * {@code micronaut} (IngestHandler, built as Lambda builds it, with its no-argument constructor) or
 * {@code plain}. {@code -Dlambda.register-context=true} restores Micronaut's per-call Context
 * registration (the slowdown the ingest function opts out of). With the Micronaut handler, each
 * invocation's time is split into the storage round trip (time inside the function's DynamoDbClient,
 * measured by the bench-only {@link StorageTiming} bean) and the handler overhead (the rest), and
 * the invocations a garbage collection ran during are counted against the overhead's tail. Needs {@code SLACK_SIGNING_SECRET} in the environment (the function reads secrets from
 * it); storage is dynoxide (a child process) over HTTP.
 */
public final class WarmLatency {

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = ColdStart.parse(args);
    int invocations = Integer.parseInt(opts.getOrDefault("invocations", "100000"));
    int block = Integer.parseInt(opts.getOrDefault("block", "10000"));
    String handlerName = opts.getOrDefault("handler", "micronaut");
    String[] scenarios = opts.getOrDefault("scenarios", "unsigned,handshake,redelivery").split(",");
    String secret = System.getenv("SLACK_SIGNING_SECRET");
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException("set SLACK_SIGNING_SECRET (any value): the function reads its secret from the environment");
    }
    SlackEvents events = new SlackEvents(SlackEvents.repoRoot());

    System.out.printf(Locale.ROOT, "java %s, %d cores; handler %s; %d invocations per scenario, blocks of %d; load before: %s%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), handlerName, invocations, block, ColdStart.loadAverage());
    try (BenchTable dynamo = new BenchTable()) {
      // The function's configuration, as Lambda would pass it (environment variables become these properties).
      System.setProperty("dynamodb.endpoint", dynamo.endpoint());
      System.setProperty("feedback.table", dynamo.table());
      // Wraps the function's DynamoDbClient bean in a timer (bench-only bean, see StorageTiming).
      System.setProperty(StorageTiming.PROPERTY, "true");
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
      AutoCloseable closer;
      if (handlerName.equals("micronaut")) {
        IngestHandler h = new IngestHandler();
        handler = h;
        closer = h;
      } else if (handlerName.equals("plain")) {
        handler = plainHandler(dynamo);
        closer = () -> { };
      } else {
        throw new IllegalArgumentException("--handler micronaut|plain");
      }
      try (closer) {
        for (String scenario : scenarios) {
          run(scenario.trim(), handler, events, secret, invocations, block);
          if (handler instanceof IngestHandler h) {
            // Micronaut's default registers each invocation's Context as a bean; the ingest function opts out.
            System.out.printf(Locale.ROOT, "  Lambda Context beans registered so far: %d%n",
                h.getApplicationContext().getBeanDefinitions(Context.class).size());
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "load after: %s%n", ColdStart.loadAverage());
    // Exit explicitly: SDK and HTTP threads may linger; the shutdown hook stops dynoxide.
    System.exit(0);
  }

  private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> plainHandler(BenchTable dynamo) {
    Map<String, String> env = new LinkedHashMap<>(System.getenv());
    env.put("DYNAMODB_ENDPOINT", dynamo.endpoint());
    env.put("FEEDBACK_TABLE", dynamo.table());
    return new PlainIngestHandler(env);
  }

  static void run(String scenario, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                  SlackEvents events, String secret, int invocations, int block) {
    int expectedStatus;
    LongFunction<APIGatewayV2HTTPEvent> eventFor;
    switch (scenario) {
      case "redelivery" -> {
        String body = events.messageBody();
        Signed signed = new Signed(secret, body);
        eventFor = i -> SlackEvents.apiGatewayEvent(body, signed.headers(i));
        expectedStatus = 200;
      }
      case "unsigned" -> {
        String body = events.messageBody();
        Signed signed = new Signed("not-the-secret", body);
        eventFor = i -> SlackEvents.apiGatewayEvent(body, signed.headers(i));
        expectedStatus = 401;
      }
      case "handshake" -> {
        String body = events.urlVerificationBody();
        Signed signed = new Signed(secret, body);
        eventFor = i -> SlackEvents.apiGatewayEvent(body, signed.headers(i));
        expectedStatus = 200;
      }
      case "new-message" -> {
        // Message timestamps stay plausible (within a few years of the sample) and differ between runs.
        long base = 10_000_000L + System.currentTimeMillis() % 1_000 * 100_000;
        eventFor = i -> {
          String body = events.uniqueMessageBody(base + i);
          return SlackEvents.apiGatewayEvent(body, SlackEvents.signedHeaders(secret, Instant.now(), body));
        };
        expectedStatus = 200;
      }
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    }
    long[] nanos = new long[invocations];
    long[] storage = new long[invocations];
    long[] cpu = new long[invocations];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean[] gcDuring = new boolean[invocations];
    long storageCalls = 0;
    List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    long gcCountBefore = gcCount(gcs);
    long gcMillisBefore = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    StorageTiming.takeNanos();
    StorageTiming.takeCalls();
    StorageTiming.takeCpuNanos();
    long wallStart = System.nanoTime();
    for (int i = 0; i < invocations; i++) {
      APIGatewayV2HTTPEvent event = eventFor.apply(i);
      Context context = new BenchContext("bench-" + scenario + "-" + i);
      long gc0 = gcCount(gcs);
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
      nanos[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - cpu0 - StorageTiming.takeCpuNanos();
      storage[i] = StorageTiming.takeNanos();
      gcDuring[i] = gcCount(gcs) != gc0;
      storageCalls += StorageTiming.takeCalls();
      if (response.getStatusCode() != expectedStatus) {
        throw new IllegalStateException(scenario + " #" + i + ": status " + response.getStatusCode() + " " + response.getBody());
      }
    }
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    print(scenario, nanos, block, wallSeconds);
    if (StorageTiming.wrappedClients() > 0) {
      long[] overhead = new long[invocations];
      for (int i = 0; i < invocations; i++) {
        overhead[i] = nanos[i] - storage[i];
      }
      System.out.printf(Locale.ROOT, "  storage: %d DynamoDB calls (%.2f per invocation)%n", storageCalls, storageCalls / (double) invocations);
      print(scenario + " / storage round trip (time in DynamoDbClient calls)", storage, block, Double.NaN);
      print(scenario + " / handler overhead (invocation minus storage)", overhead, block, Double.NaN);
      gcReport(overhead, gcDuring);
      // Wall time waiting for a core (other processes, GC and JIT threads) shows as overhead that is
      // not CPU time: the gap between these two lines is the machine's load, not the handler's work.
      long[] sortedCpu = cpu.clone();
      Arrays.sort(sortedCpu);
      System.out.printf(Locale.ROOT, "  handler overhead CPU time (this thread, outside storage calls): median %.3f ms, p99 %.3f ms, p99.9 %.3f ms%n",
          Stats.quantileSorted(sortedCpu, 0.5) / 1e6, Stats.quantileSorted(sortedCpu, 0.99) / 1e6, Stats.quantileSorted(sortedCpu, 0.999) / 1e6);
    }
    long gcCount = gcCount(gcs) - gcCountBefore;
    long gcMillis = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcMillisBefore;
    System.out.printf(Locale.ROOT, "  GC during the run: %d collections, %d ms (%s)%n", gcCount, gcMillis,
        gcs.stream().map(GarbageCollectorMXBean::getName).reduce((a, b) -> a + ", " + b).orElse("?"));
  }

  private static long gcCount(List<GarbageCollectorMXBean> gcs) {
    long n = 0;
    for (GarbageCollectorMXBean gc : gcs) {
      n += gc.getCollectionCount();
    }
    return n;
  }

  /** How much of the overhead's tail is garbage collection: the invocations a collection ran during. */
  private static void gcReport(long[] overhead, boolean[] gcDuring) {
    long[] sorted = overhead.clone();
    Arrays.sort(sorted);
    double p99 = Stats.quantileSorted(sorted, 0.99);
    int above = 0;
    int aboveWithGc = 0;
    int withGc = 0;
    long[] noGc = new long[overhead.length];
    int n = 0;
    for (int i = 0; i < overhead.length; i++) {
      if (gcDuring[i]) {
        withGc++;
      } else {
        noGc[n++] = overhead[i];
      }
      if (overhead[i] > p99) {
        above++;
        if (gcDuring[i]) {
          aboveWithGc++;
        }
      }
    }
    long[] quiet = Arrays.copyOf(noGc, n);
    Arrays.sort(quiet);
    System.out.printf(Locale.ROOT, "  GC: a collection ran during %d invocations; %d of the %d above the overhead p99; "
            + "overhead without them: p99 %.3f ms, p99.9 %.3f ms%n",
        withGc, aboveWithGc, above, Stats.quantileSorted(quiet, 0.99) / 1e6, Stats.quantileSorted(quiet, 0.999) / 1e6);
  }

  /** Signs {@code body} once per {@link #RESIGN_EVERY} calls: the timestamp must stay within Slack's 5 minutes. */
  private static final class Signed {
    static final int RESIGN_EVERY = 5_000;
    final String secret;
    final String body;
    Map<String, String> headers;

    Signed(String secret, String body) {
      this.secret = secret;
      this.body = body;
    }

    Map<String, String> headers(long i) {
      if (headers == null || i % RESIGN_EVERY == 0) {
        headers = SlackEvents.signedHeaders(secret, Instant.now(), body);
      }
      return headers;
    }
  }

  static void print(String scenario, long[] nanos, int block, double wallSeconds) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%n%s: %d calls%s; median %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
        scenario, nanos.length, Double.isNaN(wallSeconds) ? "" : String.format(Locale.ROOT, " in %.1f s", wallSeconds), us(Stats.quantileSorted(sorted, 0.5)) / 1000, us(Stats.quantileSorted(sorted, 0.99)) / 1000,
        us(Stats.quantileSorted(sorted, 0.999)) / 1000, us(sorted[sorted.length - 1]) / 1000);
    Map<String, double[]> blocks = new LinkedHashMap<>();
    for (int from = 0; from < nanos.length; from += block) {
      long[] b = Arrays.copyOfRange(nanos, from, Math.min(nanos.length, from + block));
      Arrays.sort(b);
      blocks.put((from / block + 1) + "", new double[] {Stats.quantileSorted(b, 0.5), Stats.quantileSorted(b, 0.99)});
    }
    StringBuilder med = new StringBuilder("  block medians (ms):");
    StringBuilder p99 = new StringBuilder("  block p99 (ms):    ");
    blocks.values().forEach(v -> {
      med.append(String.format(Locale.ROOT, " %.3f", v[0] / 1e6));
      p99.append(String.format(Locale.ROOT, " %.3f", v[1] / 1e6));
    });
    System.out.println(med);
    System.out.println(p99);
    double[] first = blocks.values().stream().skip(1).findFirst().orElse(blocks.values().iterator().next());
    double[] last = blocks.values().stream().reduce((a, b) -> b).orElseThrow();
    System.out.printf(Locale.ROOT, "  drift: median of last block / median of block 2 = %.2fx (block 1 includes warm-up)%n",
        last[0] / first[0]);
  }

  private static double us(double nanos) {
    return nanos / 1e3;
  }
}
