package dev.listeningpost.local;

import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole pipeline in one process: DynamoDB Local, the functions' services wired by the same
 * Micronaut bean definitions the Lambdas use, and the local HTTP server.
 */
final class LocalPipeline implements AutoCloseable {
  static final String FEEDBACK_TABLE = "listening-post-feedback";
  static final String DIGEST_TABLE = "listening-post-digests";
  static final String THEME_TABLE = "listening-post-themes";

  private final EmbeddedDynamo dynamo;
  private final ApplicationContext context;
  private final LocalServer server;
  private final Path dataDir;

  private LocalPipeline(EmbeddedDynamo dynamo, ApplicationContext context, LocalServer server, Path dataDir) {
    this.dynamo = dynamo;
    this.context = context;
    this.server = server;
    this.dataDir = dataDir;
  }

  static LocalPipeline start(Options options, Map<String, String> env) throws Exception {
    Path dataDir = options.dataDir().toAbsolutePath();
    Files.createDirectories(dataDir.resolve("outbox"));
    EmbeddedDynamo.quietLogs();
    EmbeddedDynamo dynamo = new EmbeddedDynamo(dataDir, options.inMemory());
    ApplicationContext context = null;
    try {
      Map<String, Object> props = new HashMap<>();
      props.put("dynamodb.endpoint", dynamo.endpoint());
      props.put("feedback.table", FEEDBACK_TABLE);
      props.put("digest.table", DIGEST_TABLE);
      props.put("theme.table", THEME_TABLE);
      props.put("digest.outbox-dir", dataDir.resolve("outbox").toString());
      props.put("digest.sender", env.getOrDefault("DIGEST_SENDER", "digest@listening-post.local"));
      props.put("digest.recipients", env.getOrDefault("DIGEST_RECIPIENTS", "exec@example.com"));
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
      TableDefinitions.ensure(client, TableDefinitions.feedback(FEEDBACK_TABLE));
      TableDefinitions.ensure(client, TableDefinitions.keyed(DIGEST_TABLE));
      TableDefinitions.ensure(client, TableDefinitions.keyed(THEME_TABLE));

      LocalJobs jobs = new PipelineJobs(context, dynamo.endpoint(), dataDir);
      LocalServer server = new LocalServer(options.port(), context.getBean(WebhookService.class),
          context.getBean(FeedbackStore.class), jobs, context.getBean(IngestSettings.class), context.getBean(Clock.class));
      server.start();
      return new LocalPipeline(dynamo, context, server, dataDir);
    } catch (Exception | Error e) {
      if (context != null) {
        context.close();
      }
      dynamo.close();
      throw e;
    }
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
    server.close();
    context.close();
    dynamo.close();
  }
}
