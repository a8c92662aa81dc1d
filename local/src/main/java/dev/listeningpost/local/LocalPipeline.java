package dev.listeningpost.local;

import dev.listeningpost.analyze.api.ReadApi;
import dev.listeningpost.digest.api.DigestPages;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.http.RouteTable;
import dev.listeningpost.local.invoke.SamTemplate;
import dev.listeningpost.local.schedule.LocalScheduler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.function.Consumer;
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
  /**
   * What the local stack uses where its environment says nothing, by environment variable name (so a
   * variable of the same name wins): the template requires a digest sender and recipients, and the demo's
   * staff are its two Slack support users. Every other setting has the functions' default.
   */
  static final Map<String, String> LOCAL_DEFAULTS = Map.of(
      "DIGEST_SENDER", "digest@listening-post.local",
      "DIGEST_RECIPIENTS", "exec@example.com",
      "INGEST_STAFF", Demo.STAFF);
  /** Where the environment map sits: Micronaut's own environment property source's place; local defaults just below. */
  private static final int ENVIRONMENT_ORDER = EnvironmentPropertySource.POSITION;
  /** The template whose HTTP API routes the server serves (the repository root's; else the jar's copy). */
  static final String TEMPLATE = "template.yaml";
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

  private final LocalDynamo dynamo;
  private final ApplicationContext context;
  private final LocalServer server;
  private final Path dataDir;
  private final ScheduledExecutorService sweeps;
  private final LocalScheduler scheduler;

  private LocalPipeline(LocalDynamo dynamo, ApplicationContext context, LocalServer server, Path dataDir,
                        ScheduledExecutorService sweeps, LocalScheduler scheduler) {
    this.sweeps = sweeps;
    this.scheduler = scheduler;
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
    LocalScheduler scheduler = null;
    try {
      Map<String, String> secrets = new HashMap<>(env);
      if (options.demo()) {
        secrets.putIfAbsent("SLACK_SIGNING_SECRET", Demo.randomSecret());
      }
      // Secrets come from the same map (plus the demo's generated one): this resolver replaces the functions'.
      context = context(env, overrides(dataDir, dynamo.endpoint()), new EnvironmentSecretResolver(secrets));
      DynamoDbClient client = context.getBean(DynamoDbClient.class);
      LocalTables tables = LocalTables.of(context);
      tables.ensure(client);

      StreamCheckpoints checkpoints = options.inMemory() ? StreamCheckpoints.inMemory()
          : StreamCheckpoints.persistedIn(dataDir.resolve("stream-checkpoints.properties"));
      TtlSweeper ttl = new TtlSweeper(client, tables.all(), context.getBean(java.time.Clock.class));
      LocalJobs jobs = new PipelineJobs(context, dynamo.endpoint(), tables.feedback(), checkpoints, ttl);
      WebhookService webhooks = context.getBean(WebhookService.class);
      Map<String, FunctionIntegration> functions = Map.of(
          "IngestFunction", FunctionIntegration.webhooks(webhooks, context.getBean(IngestSettings.class)),
          "ReadApiFunction", FunctionIntegration.readApi(context.getBean(ReadApi.class)),
          "DigestReadFunction", FunctionIntegration.digestPages(context.getBean(DigestPages.class)));
      SamTemplate template = TemplateFile.load(Path.of(TEMPLATE));
      LocalServer server = new LocalServer(options.host(), options.port(), new RouteTable(template.httpRoutes()), functions, jobs,
          () -> webhooks.channels().stream().sorted().toList());
      scheduler = options.schedules() ? schedules(template, options, env, jobs, context.getBean(Clock.class)) : null;
      server.start();
      if (scheduler != null) {
        scheduler.start();
      }
      return new LocalPipeline(dynamo, context, server, dataDir, scheduleSweeps(ttl), scheduler);
    } catch (Exception | Error e) {
      if (scheduler != null) {
        scheduler.close();
      }
      if (context != null) {
        context.close();
      }
      dynamo.close();
      throw e;
    }
  }

  /**
   * The template's schedules, run by the same jobs as {@code POST /local/jobs/*}. Parameters: the
   * template's defaults, then {@code DIGEST_TIME_ZONE} for {@code TimeZone} (so the digest's weeks and
   * its schedule agree), then {@code --parameter-overrides}.
   */
  static LocalScheduler schedules(SamTemplate template, Options options, Map<String, String> env, LocalJobs jobs,
                                  Clock clock) {
    Map<String, String> parameters = new HashMap<>(template.parameterDefaults());
    if (env.get("DIGEST_TIME_ZONE") != null && !env.get("DIGEST_TIME_ZONE").isBlank()) {
      parameters.put("TimeZone", env.get("DIGEST_TIME_ZONE"));
    }
    parameters.putAll(options.parameterOverrides());
    return LocalScheduler.of(template.schedules(parameters), scheduledJobs(jobs), clock);
  }

  /** What runs each scheduled function locally, given the schedule's Input. */
  static Map<String, Consumer<String>> scheduledJobs(LocalJobs jobs) {
    return Map.of(
        "ThemesFunction", input -> run(jobs, "/local/jobs/themes", Map.of()),
        "DigestFunction", input -> run(jobs, "/local/jobs/digest", digestQuery(input)),
        "AlertsFunction", input -> run(jobs, "/local/jobs/alerts", alertsQuery(input)));
  }

  /**
   * The alerts' Input: {@code {"at":"<aws.scheduler.scheduled-time>"}} in the template. Locally a run starts on
   * time, so a placeholder (or no "at") means now; an explicit instant is passed on.
   */
  private static Map<String, String> alertsQuery(String input) {
    try {
      String at = new com.fasterxml.jackson.databind.ObjectMapper().readTree(input).path("at").asText("");
      return at.isBlank() || at.startsWith("<") ? Map.of() : Map.of("at", at);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the alerts schedule's Input is not JSON: " + e.getMessage());
    }
  }

  /** The digest's Input: {@code {}} for the last complete week, {@code {"period":"2026-W47"}} for one week. */
  private static Map<String, String> digestQuery(String input) {
    try {
      String period = new com.fasterxml.jackson.databind.ObjectMapper().readTree(input).path("period").asText("");
      return period.isBlank() ? Map.of() : Map.of("period", period);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the digest schedule's Input is not JSON: " + e.getMessage());
    }
  }

  private static void run(LocalJobs jobs, String path, Map<String, String> query) {
    HttpResponse r = jobs.handle(new HttpRequest("POST", path, Map.of(), query, new byte[0]));
    if (r.status() >= 400) {
      throw new IllegalStateException(path + " answered " + r.status());
    }
  }

  /**
   * Settings the local stack forces whatever its environment says, by property key: its own DynamoDB and
   * outbox (emails in {@code outbox/}, the alerts' SNS messages in {@code outbox/alerts/}); no settle time for the themes job (dynoxide updates indexes synchronously, and "analyze, then
   * themes" on demand must see everything; in AWS the index is eventually consistent); secrets from its
   * own resolver, never SSM.
   */
  static Map<String, Object> overrides(Path dataDir, String dynamoEndpoint) {
    return Map.of(
        "dynamodb.endpoint", dynamoEndpoint,
        "digest.outbox-dir", dataDir.resolve("outbox").toString(),
        "alerts.outbox-dir", dataDir.resolve("outbox").resolve("alerts").toString(),
        "theme.settle-minutes", "0",
        "secrets.source", "local");
  }

  /**
   * The functions' bean definitions configured as the functions are: the environment map binds with
   * Micronaut's environment-variable convention (THEME_MIN_COHESION is theme.min-cohesion), above the
   * local defaults and below the forced overrides. The process environment is not read besides the map.
   */
  static ApplicationContext context(Map<String, String> env, Map<String, Object> overrides, Object... singletons) {
    return ApplicationContext.builder()
        .deduceEnvironment(false)
        .environmentPropertySource(false)
        .propertySources(environmentStyle("local-defaults", LOCAL_DEFAULTS, ENVIRONMENT_ORDER - 1),
            environmentStyle("local-environment", env, ENVIRONMENT_ORDER))
        .properties(overrides)
        .singletons(singletons)
        .start();
  }

  private static PropertySource environmentStyle(String name, Map<String, String> variables, int order) {
    return new MapPropertySource(name, new HashMap<>(variables)) {
      @Override
      public int getOrder() {
        return order;
      }

      @Override
      public PropertyConvention getConvention() {
        return PropertyConvention.ENVIRONMENT_VARIABLE;
      }
    };
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

  /** The schedules run with {@code --schedules}, and when each runs next; empty without it. */
  List<LocalScheduler.Planned> schedules() {
    return scheduler == null ? List.of() : scheduler.planned();
  }

  int port() {
    return server.port();
  }

  String host() {
    return server.host();
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
    if (scheduler != null) {
      scheduler.close();
    }
    sweeps.shutdownNow();
    server.close();
    context.close();
    dynamo.close();
  }
}
