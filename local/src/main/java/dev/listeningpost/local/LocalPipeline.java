package dev.listeningpost.local;

import dev.listeningpost.analyze.api.ReadApi;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.FeedbackTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole pipeline in one process (plus dynoxide, the DynamoDB emulator, as a child process): the
 * functions' services wired by the same Micronaut bean definitions the Lambdas use, the local HTTP
 * server, and what AWS would do around them (the stream event source, the TTL sweep).
 */
final class LocalPipeline implements AutoCloseable {
  static final String FEEDBACK_TABLE = "listening-post-feedback";
  static final String DIGEST_TABLE = "listening-post-digests";
  static final String THEME_TABLE = "listening-post-themes";
  /** Digest sender and recipients when the environment names none (the template requires them). */
  static final String LOCAL_DIGEST_SENDER = "digest@listening-post.local";
  static final String LOCAL_DIGEST_RECIPIENTS = "exec@example.com";
  /** The template whose HTTP API routes the server serves (the repository root's; else the jar's copy). */
  static final String TEMPLATE = "template.yaml";
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

  private final LocalDynamo dynamo;
  private final ApplicationContext context;
  private final LocalServer server;
  private final Path dataDir;
  private final ScheduledExecutorService sweeps;

  private LocalPipeline(LocalDynamo dynamo, ApplicationContext context, LocalServer server, Path dataDir,
                        ScheduledExecutorService sweeps) {
    this.sweeps = sweeps;
    this.dynamo = dynamo;
    this.context = context;
    this.server = server;
    this.dataDir = dataDir;
  }

  static LocalPipeline start(Options options, Map<String, String> env) throws Exception {
    Path dataDir = options.dataDir().toAbsolutePath();
    Files.createDirectories(dataDir.resolve("outbox"));
    LocalDynamo dynamo = LocalDynamo.start(options, dataDir, env);
    ApplicationContext context = null;
    try {
      Map<String, Object> props = new HashMap<>();
      props.put("dynamodb.endpoint", dynamo.endpoint());
      props.put("feedback.table", FEEDBACK_TABLE);
      props.put("digest.table", DIGEST_TABLE);
      props.put("theme.table", THEME_TABLE);
      // In AWS the themes job leaves items analysed in the last minutes for the next run (the GSI is
      // eventually consistent); dynoxide updates indexes synchronously, and "analyze, then themes" on
      // demand must see everything.
      props.put("theme.settle-minutes", "0");
      props.put("digest.outbox-dir", dataDir.resolve("outbox").toString());
      props.put("digest.sender", env.getOrDefault("DIGEST_SENDER", LOCAL_DIGEST_SENDER));
      props.put("digest.recipients", env.getOrDefault("DIGEST_RECIPIENTS", LOCAL_DIGEST_RECIPIENTS));
      props.put("digest.time-zone", env.getOrDefault("DIGEST_TIME_ZONE", "UTC"));
      props.put("ingest.staff", env.getOrDefault("INGEST_STAFF", Demo.STAFF));
      // Secrets come from this process's environment (plus the demo's generated one); neither the
      // env nor the SSM resolver of the functions is created.
      props.put("secrets.source", "local");
      if (env.get("SES_ENDPOINT") != null && !env.get("SES_ENDPOINT").isBlank()) {
        props.put("ses.endpoint", env.get("SES_ENDPOINT"));
      }
      Map<String, String> secrets = new HashMap<>(env);
      if (options.demo()) {
        secrets.putIfAbsent("SLACK_SIGNING_SECRET", Demo.randomSecret());
      }
      context = ApplicationContext.builder()
          .deduceEnvironment(false)
          .properties(props)
          .singletons(new EnvironmentSecretResolver(secrets))
          .start();
      DynamoDbClient client = context.getBean(DynamoDbClient.class);
      ensureTables(client);

      StreamCheckpoints checkpoints = options.inMemory() ? StreamCheckpoints.inMemory()
          : StreamCheckpoints.persistedIn(dataDir.resolve("stream-checkpoints.properties"));
      TtlSweeper ttl = new TtlSweeper(client, List.of(FEEDBACK_TABLE, DIGEST_TABLE, THEME_TABLE),
          context.getBean(java.time.Clock.class));
      LocalJobs jobs = new PipelineJobs(context, dynamo.endpoint(), checkpoints, ttl);
      WebhookService webhooks = context.getBean(WebhookService.class);
      Map<String, FunctionIntegration> functions = Map.of(
          "IngestFunction", FunctionIntegration.webhooks(webhooks, context.getBean(IngestSettings.class)),
          "ReadApiFunction", FunctionIntegration.readApi(context.getBean(ReadApi.class)));
      LocalServer server = new LocalServer(options.port(), LocalRoutes.fromTemplate(Path.of(TEMPLATE)), functions, jobs,
          () -> webhooks.channels().stream().sorted().toList());
      server.start();
      return new LocalPipeline(dynamo, context, server, dataDir, scheduleSweeps(ttl));
    } catch (Exception | Error e) {
      if (context != null) {
        context.close();
      }
      dynamo.close();
      throw e;
    }
  }

  /** Creates the local tables (as template.yaml declares them) or adds what an older version lacks. */
  static void ensureTables(DynamoDbClient client) {
    TableDefinitions.ensureFeedback(client, FEEDBACK_TABLE);
    TableDefinitions.ensure(client, KeyedTable.definition(DIGEST_TABLE));
    TableDefinitions.ensure(client, KeyedTable.definition(THEME_TABLE));
  }

  /** AWS deletes expired items within days; sweeping every 15 minutes is close enough and cheap. */
  private static ScheduledExecutorService scheduleSweeps(TtlSweeper ttl) {
    ScheduledExecutorService sweeps = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ttl-sweep");
      t.setDaemon(true);
      return t;
    });
    sweeps.scheduleWithFixedDelay(() -> {
      try {
        ttl.sweep();
      } catch (RuntimeException e) {
        LOG.warn("TTL sweep failed: {}", e.toString());
      }
    }, 0, SWEEP_EVERY.toMinutes(), TimeUnit.MINUTES);
    return sweeps;
  }

  /** What the startup banner says about storage. */
  String storage() {
    return dynamo.describe();
  }

  int port() {
    return server.port();
  }

  Path dataDir() {
    return dataDir;
  }

  ApplicationContext context() {
    return context;
  }

  /** The Slack signing secret in effect (the demo signs its sample deliveries with it). */
  String slackSecret() {
    return context.getBean(EnvironmentSecretResolver.class).lookup("slack", null, "signing-secret").stream()
        .findFirst().orElse(null);
  }

  @Override
  public void close() {
    sweeps.shutdownNow();
    server.close();
    context.close();
    dynamo.close();
  }
}
