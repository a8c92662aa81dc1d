package dev.listeningpost.bench.analyze;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.listeningpost.analyze.AnalyzeHandler;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import dev.listeningpost.feedback.store.AwsEndpoints;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The analyze Lambda handler in-process on stream events of stored items: for each batch size, a
 * fresh feedback table on dynoxide (in memory) gets {@code (warmup + batches) x size} items through
 * {@link FeedbackStore#create}; their INSERT records are read back from the table's stream and turned
 * into {@link DynamodbEvent}s exactly as Lambda delivers them (new image, sequence number); then
 * {@link AnalyzeHandler#handleRequest} runs on each event (warm-up batches first, not counted) with
 * the production wiring (blended sentiment, MiniLM embedding, theme assignment, conditional update).
 * Prints ms per batch (median, min, max) and items/s over the measured batches.
 *
 * <pre>java [-XX:ActiveProcessorCount=1] -cp bench/target/benchmarks.jar \
 *     dev.listeningpost.bench.analyze.AnalyzeHandlerThroughput [--sizes 10,25,50,100] [--batches 10] [--warmup 3]
 *     [--write-concurrency 8]</pre>
 *
 * <p>A fresh table per batch size because dynoxide finds each write's stream sequence number by
 * scanning the table's stream records (cost grows with the stream); DynamoDB has no such cost.
 */
public final class AnalyzeHandlerThroughput {
  private static final String[] TEXTS = {
      "The CSV export times out for workspaces with more than 10k rows",
      "Love the new dashboard, it saves me an hour a week",
      "Where do I change the billing address on my invoice?",
      "Login with SSO fails since this morning, error 500",
      "Could you add dark mode to the mobile app please",
      "Support answered in minutes, thank you so much",
      "The app crashes when I upload a photo larger than 5 MB",
      "Pricing page says 10 seats but I was charged for 12"};

  private AnalyzeHandlerThroughput() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int[] sizes = Arrays.stream(opts.getOrDefault("sizes", "100").split(",")).mapToInt(Integer::parseInt).toArray();
    int batches = Integer.parseInt(opts.getOrDefault("batches", "10"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "3"));
    String writeConcurrency = opts.getOrDefault("write-concurrency", "8");
    System.out.printf(Locale.ROOT, "machine: %d processors (JVM), max heap %d MB; load %s; %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        Files.readString(Path.of("/proc/loadavg")).strip(), Instant.now());
    String endpoint = DynoxideExtension.endpoint();
    for (int size : sizes) {
      run(endpoint, size, batches, warmup, writeConcurrency);
    }
    System.out.printf(Locale.ROOT, "load after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
  }

  private static void run(String endpoint, int size, int batches, int warmup, String writeConcurrency) {
    try (DynamoDbClient client = DynoxideExtension.client();
         DynamoDbStreamsClient streams = AwsEndpoints.configure(DynamoDbStreamsClient.builder(), endpoint)
             .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      String table = DynoxideExtension.newFeedbackTable(client);
      String themes = DynoxideExtension.uniqueName("themes");
      TableDefinitions.ensure(client, KeyedTable.definition(themes));
      try (ApplicationContext ctx = ApplicationContext.run(Map.of(
          "dynamodb.endpoint", endpoint,
          "feedback.table", table,
          "theme.table", themes,
          "analyze.write-concurrency", writeConcurrency))) {
        FeedbackStore store = ctx.getBean(FeedbackStore.class);
        int total = (warmup + batches) * size;
        Instant t = Instant.parse("2026-12-01T12:00:00Z");
        for (int i = 0; i < total; i++) {
          store.create(Feedback.builder().id("bench-" + i).channel("slack").kind(Feedback.Kind.MESSAGE)
              .text(TEXTS[i % TEXTS.length] + " (#" + i + ")")
              .author(new Feedback.Author("U" + (i % 97), "user" + (i % 97), null, false))
              .createdAt(t.plusSeconds(i)).receivedAt(t.plusSeconds(i)).build());
        }
        List<DynamodbEvent.DynamodbStreamRecord> records = inserts(client, streams, table);
        if (records.size() < total) {
          throw new IllegalStateException("stream has " + records.size() + " INSERT records, expected " + total);
        }
        AnalyzeHandler handler = new AnalyzeHandler(ctx);
        long[] nanos = new long[batches];
        int failures = 0;
        long jvmCpu0 = 0;
        long dynoxideCpu0 = 0;
        for (int b = 0; b < warmup + batches; b++) {
          if (b == warmup) {
            jvmCpu0 = jvmCpuNanos();
            dynoxideCpu0 = childCpuNanos();
          }
          DynamodbEvent event = new DynamodbEvent();
          event.setRecords(records.subList(b * size, (b + 1) * size));
          long t0 = System.nanoTime();
          StreamsEventResponse response = handler.handleRequest(event, null);
          long took = System.nanoTime() - t0;
          if (b >= warmup) {
            nanos[b - warmup] = took;
            failures += response.getBatchItemFailures().size();
          }
        }
        double jvmMsPerItem = (jvmCpuNanos() - jvmCpu0) / 1e6 / (batches * (double) size);
        double dynoxideMsPerItem = (childCpuNanos() - dynoxideCpu0) / 1e6 / (batches * (double) size);
        long sum = Arrays.stream(nanos).sum();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT,
            "batch %3d, write concurrency %s: %d batches, ms per batch median %.0f (min %.0f, max %.0f); "
                + "%.0f items/s; batch item failures %d; CPU per item: handler JVM %.2f ms, dynoxide %.2f ms%n",
            size, writeConcurrency, batches, sorted[batches / 2] / 1e6, sorted[0] / 1e6, sorted[batches - 1] / 1e6,
            batches * (double) size / (sum / 1e9), failures, jvmMsPerItem, dynoxideMsPerItem);
        phases(ctx, records.subList(0, Math.min(records.size(), warmup * size)));
        Feedback sample = store.find("bench-" + (warmup * size)).orElseThrow();
        if (sample.enrichment() == null || sample.enrichment().embedding() == null) {
          throw new IllegalStateException("a measured item was not analysed");
        }
      } finally {
        client.deleteTable(b -> b.tableName(table));
        client.deleteTable(b -> b.tableName(themes));
      }
    }
  }

  /**
   * The handler's steps one after another on the warm-up records (already analysed, so the update
   * rewrites the same values): wall and process CPU per item for each, to show where a batch's time goes.
   */
  private static void phases(ApplicationContext ctx, List<DynamodbEvent.DynamodbStreamRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    @SuppressWarnings("unchecked")
    software.amazon.awssdk.enhanced.dynamodb.TableSchema<Feedback> schema =
        ctx.getBean(software.amazon.awssdk.enhanced.dynamodb.TableSchema.class);
    var embedder = ctx.getBean(dev.listeningpost.analyze.embed.Embedder.class);
    var sentiment = ctx.getBean(dev.listeningpost.analyze.sentiment.SentimentScorer.class);
    var themes = ctx.getBean(dev.listeningpost.analyze.themes.ThemeAssigner.class);
    FeedbackStore store = ctx.getBean(FeedbackStore.class);
    int n = records.size();
    StringBuilder line = new StringBuilder("  steps, one after another, per item (wall / CPU):");
    long[] mark = {System.nanoTime(), jvmCpuNanos()};
    List<Feedback> items = records.stream().map(r -> schema.mapToItem(
        com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer
            .toAttributeValueMapV2(r.getDynamodb().getNewImage()))).toList();
    step(line, "decode", n, mark);
    List<float[]> vectors = embedder.embedAll(items.stream().map(Feedback::text).toList());
    step(line, "embed", n, mark);
    List<dev.listeningpost.analyze.sentiment.SentimentScorer.Sentiment> scores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      scores.add(sentiment instanceof dev.listeningpost.analyze.sentiment.BlendedScorer b
          ? b.score(items.get(i).text(), vectors.get(i)) : sentiment.score(items.get(i).text()));
    }
    step(line, "sentiment", n, mark);
    List<String> assigned = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assigned.add(themes.assign(items.get(i), vectors.get(i)));
    }
    step(line, "assign", n, mark);
    for (int i = 0; i < n; i++) {
      store.enrich(items.get(i).id(), new Feedback.Enrichment(scores.get(i).compound(), scores.get(i).label().wire(),
          vectors.get(i), assigned.get(i), Instant.now()));
    }
    step(line, "update one at a time", n, mark);
    System.out.println(line);
  }

  private static void step(StringBuilder line, String name, int n, long[] mark) {
    long wall = System.nanoTime();
    long cpu = jvmCpuNanos();
    line.append(String.format(Locale.ROOT, " %s %.2f/%.2f ms;", name, (wall - mark[0]) / 1e6 / n, (cpu - mark[1]) / 1e6 / n));
    mark[0] = wall;
    mark[1] = cpu;
  }

  /**
   * This JVM's CPU time (all threads, the embedding's native ONNX threads included): on Lambda, where
   * DynamoDB runs elsewhere, it is what the function's vCPUs have to supply per item.
   */
  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** CPU time of this JVM's child processes (the dynoxide server the test-jar started). */
  private static long childCpuNanos() {
    return ProcessHandle.current().descendants().mapToLong(p -> p.info().totalCpuDuration()
        .map(java.time.Duration::toNanos).orElse(0L)).sum();
  }

  /** The table's INSERT records in stream order, as Lambda's event source hands them to the function. */
  private static List<DynamodbEvent.DynamodbStreamRecord> inserts(DynamoDbClient dynamo, DynamoDbStreamsClient streams,
                                                                  String table) {
    String arn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
    for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
      String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (iterator != null) {
        String it = iterator;
        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(it).limit(1000));
        for (Record r : page.records()) {
          if (r.eventName() == OperationType.INSERT) {
            out.add(lambdaRecord(r, arn));
          }
        }
        iterator = page.records().isEmpty() ? null : page.nextShardIterator();
      }
    }
    return out;
  }

  private static DynamodbEvent.DynamodbStreamRecord lambdaRecord(Record r, String arn) {
    StreamRecord sr = new StreamRecord();
    sr.setSequenceNumber(r.dynamodb().sequenceNumber());
    sr.setKeys(lambda(r.dynamodb().keys()));
    sr.setNewImage(lambda(r.dynamodb().newImage()));
    sr.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
        r.dynamodb().streamViewTypeAsString()));
    sr.setSizeBytes(r.dynamodb().sizeBytes());
    DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
    out.setEventID(r.eventID());
    out.setEventName(r.eventNameAsString());
    out.setEventSource("aws:dynamodb");
    out.setEventSourceARN(arn);
    out.setAwsRegion("us-east-1");
    out.setDynamodb(sr);
    return out;
  }

  private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> lambda(
      Map<String, AttributeValue> image) {
    return image.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> lambda(e.getValue())));
  }

  /** SDK v2 attribute value to the Lambda event model's (the inverse of the events transformer). */
  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue lambda(AttributeValue v) {
    var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case B -> out.setB(v.b().asByteBuffer());
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(true);
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
      case M -> out.setM(lambda(v.m()));
      case L -> out.setL(v.l().stream().map(AnalyzeHandlerThroughput::lambda).toList());
      default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
    }
    return out;
  }
}
