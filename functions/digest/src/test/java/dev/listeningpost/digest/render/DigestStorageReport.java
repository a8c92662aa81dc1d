package dev.listeningpost.digest.render;

import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.sections.Sections;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.emulator.DynoxideBinary;
import dev.listeningpost.emulator.DynoxideServer;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.AwsEndpoints;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Not a test: the digest composed from storage, as the job does it. Seeds dynoxide with a {@link BusyWeek} of
 * {@code n} items plus eight history weeks of {@code n/2}, then composes and renders the week through the real
 * {@link DigestComposer} (one Query per UTC day on byDay) and prints the wall time and the read units the
 * Queries consumed (ReturnConsumedCapacity=TOTAL, which dynoxide computes by DynamoDB's rule). Run with the
 * classpath of docs/performance/digest.md: {@code ... dev.listeningpost.digest.render.DigestStorageReport 100000}
 */
public final class DigestStorageReport {
  private DigestStorageReport() {
  }

  /** Asks every Query for its consumed capacity and adds it up. */
  static final class ReadUnits implements ExecutionInterceptor {
    final DoubleAdder units = new DoubleAdder();
    final AtomicInteger queries = new AtomicInteger();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      return context.request() instanceof QueryRequest q
          ? q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build() : context.request();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (context.response() instanceof QueryResponse r && r.consumedCapacity() != null) {
        units.add(r.consumedCapacity().capacityUnits());
        queries.incrementAndGet();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int themes = n >= 100_000 ? 200 : 80;
    Path root = Path.of(System.getProperty("lp.root", "."));
    ReadUnits meter = new ReadUnits();
    try (DynoxideServer server = DynoxideServer.start(DynoxideBinary.findOrInstall(System.getenv(), root),
        Optional.empty(), Optional.empty())) {
      DynamoDbClient client = AwsEndpoints.configure(DynamoDbClient.builder(), server.endpoint())
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .overrideConfiguration(o -> o.addExecutionInterceptor(meter)).build();
      TableDefinitions.ensureFeedback(client, "report-feedback");
      FeedbackStore store = new FeedbackStore(client, "report-feedback", FeedbackSchema.create(Duration.ZERO));

      List<Feedback> all = new ArrayList<>(BusyWeek.items(BusyWeek.WEEK, n, themes, ""));
      ReportingPeriod p = BusyWeek.WEEK;
      for (int i = 0; i < PeriodFeedback.HISTORY_PERIODS; i++) {
        p = p.previous();
        all.addAll(BusyWeek.items(p, n / 2, themes, "h" + i + "-"));
      }
      long s0 = System.nanoTime();
      seed(store, all);
      double seedSeconds = (System.nanoTime() - s0) / 1e9;

      Clock clock = Clock.fixed(BusyWeek.WEEK.end().plus(Duration.ofDays(3)), ZoneOffset.UTC);
      DigestComposer composer = new DigestComposer(store, ThemeLabels.NONE, Sections.defaults(),
          DigestProperties.Digest.defaults().composeOptions(), CustomerVoice.STAFF_ONLY, clock);
      DigestRenderer renderer = new DigestRenderer();
      meter.units.reset();
      meter.queries.set(0);
      long t0 = System.nanoTime();
      Digest d = composer.compose(BusyWeek.WEEK);
      long t1 = System.nanoTime();
      RenderedDigest r = renderer.render(d);
      long t2 = System.nanoTime();
      System.out.printf("seeded %,d items in %.0f s (%s)%n", all.size(), seedSeconds, loadAverage());
      System.out.println("| week items | history items | themes | load + compose s | render ms | Queries | read units consumed | HTML bytes |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
      System.out.printf("| %,d | %,d | %d | %.1f | %.0f | %d | %,.1f | %,d |%n", n, all.size() - n, themes,
          (t1 - t0) / 1e9, (t2 - t1) / 1e6, meter.queries.get(), meter.units.sum(),
          r.html().getBytes(StandardCharsets.UTF_8).length);
    }
  }

  private static void seed(FeedbackStore store, List<Feedback> items) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      int chunk = Math.max(1, items.size() / 64);
      for (int from = 0; from < items.size(); from += chunk) {
        List<Feedback> part = items.subList(from, Math.min(items.size(), from + chunk));
        done.add(pool.submit(() -> part.forEach(store::create)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static String loadAverage() {
    try {
      return "load " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "load unknown";
    }
  }
}
