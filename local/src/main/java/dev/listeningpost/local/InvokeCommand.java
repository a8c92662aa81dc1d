package dev.listeningpost.local;

import dev.listeningpost.feedback.store.AwsEndpoints;
import dev.listeningpost.local.invoke.EnvVarsFile;
import dev.listeningpost.local.invoke.FunctionEnvironment;
import dev.listeningpost.local.invoke.FunctionSpec;
import dev.listeningpost.local.invoke.InvocationResult;
import dev.listeningpost.local.invoke.ParameterOverrides;
import dev.listeningpost.local.invoke.LambdaInvoker;
import dev.listeningpost.local.invoke.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code invoke <LogicalId> -e event.json [--env-vars env.json]}: {@code sam local invoke} without
 * Docker. Reads the function from template.yaml, gives it the environment SAM would (with the local
 * stack's tables, DynamoDB and outbox in place of AWS), runs it in this JVM as the Lambda Java
 * runtime would, and prints like SAM: logs on stderr, the response JSON on stdout, a REPORT line.
 */
final class InvokeCommand {
  static final String USAGE = """
      Usage: java -jar listening-post-local.jar invoke <LogicalId> [-e event.json|-] [--env-vars env.json]
                 [--template template.yaml] [--parameter-overrides "Key=Value Key2=Value2"]
                 [--data-dir .local | --in-memory] [--dynamodb-endpoint URL]
      """;

  /** Parameters the template requires without a default get the local stack's values. */
  private static final Map<String, String> LOCAL_PARAMETERS = Map.of(
      "DigestSender", LocalPipeline.LOCAL_DEFAULTS.get("DIGEST_SENDER"),
      "DigestRecipients", LocalPipeline.LOCAL_DEFAULTS.get("DIGEST_RECIPIENTS"));

  /** The local stack's tables, by their default names. */
  private static final LocalTables TABLES = LocalTables.defaults();

  /** The template's tables resolve to the local stack's table names. */
  private static final Map<String, String> LOCAL_RESOURCE_NAMES = Map.of(
      "FeedbackTable", TABLES.feedback(),
      "DigestTable", TABLES.digests(),
      "ThemeTable", TABLES.themes());

  /**
   * Template values that point at AWS services the local stack replaces: secrets come from this
   * process's environment (SLACK_SIGNING_SECRET, ...) as in the local stack, not from SSM; the alerts'
   * SNS topic is the outbox (ALERTS_OUTBOX_DIR) unless the shell or --env-vars names a topic.
   */
  private static final Map<String, String> LOCAL_STAND_INS = Map.of("SECRETS_SOURCE", "env", "ALERTS_TOPIC_ARN", "");

  private InvokeCommand() {
  }

  record Arguments(String logicalId, String event, Path envVars, Path template, Map<String, String> parameterOverrides,
                   Path dataDir, boolean inMemory, String dynamodbEndpoint) {

    static Arguments parse(String[] args) {
      String id = null;
      String event = null;
      Path envVars = null;
      Path template = Path.of("template.yaml");
      Map<String, String> overrides = new LinkedHashMap<>();
      Path dataDir = Path.of(".local");
      boolean inMemory = false;
      String endpoint = null;
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "-e", "--event" -> event = value(args, ++i, a);
          case "-n", "--env-vars" -> envVars = Path.of(value(args, ++i, a));
          case "-t", "--template", "--template-file" -> template = Path.of(value(args, ++i, a));
          case "--parameter-overrides" -> overrides.putAll(ParameterOverrides.parse(value(args, ++i, a)));
          case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
          case "--in-memory" -> inMemory = true;
          case "--dynamodb-endpoint" -> endpoint = value(args, ++i, a);
          default -> {
            if (a.startsWith("-") || id != null) {
              throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            id = a;
          }
        }
      }
      if (id == null) {
        throw new IllegalArgumentException("invoke needs the function's logical id");
      }
      return new Arguments(id, event, envVars, template, overrides, dataDir, inMemory, endpoint);
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[i];
    }
  }

  /** Runs the command; returns the process exit code (0 ok, 1 function error, 2 usage). */
  static int run(String[] args, Map<String, String> processEnv, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    Arguments a;
    SamTemplate template;
    FunctionSpec fn;
    EnvVarsFile envVars;
    byte[] event;
    try {
      a = Arguments.parse(args);
      template = SamTemplate.load(a.template());
      Map<String, FunctionSpec> functions = template.functions();
      fn = functions.get(a.logicalId());
      if (fn == null) {
        stderr.println("error: " + a.template() + " has no function '" + a.logicalId() + "'. Valid logical ids: "
            + String.join(", ", functions.keySet()));
        return 2;
      }
      envVars = a.envVars() == null ? EnvVarsFile.NONE : EnvVarsFile.read(a.envVars());
      event = a.event() == null ? "{}".getBytes()
          : a.event().equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(a.event()));
    } catch (IllegalArgumentException | IOException e) {
      stderr.println("error: " + e.getMessage());
      stderr.print(USAGE);
      return 2;
    }

    Map<String, String> parameters = new LinkedHashMap<>(LOCAL_PARAMETERS);
    parameters.putAll(template.parameterDefaults());
    parameters.putAll(a.parameterOverrides());

    Map<String, String> dynamoEnv = new LinkedHashMap<>(processEnv);
    if (a.dynamodbEndpoint() != null) {
      dynamoEnv.put("DYNAMODB_ENDPOINT", a.dynamodbEndpoint());
    }
    Options storage = new Options("invoke", 0, a.dataDir(), a.inMemory(), false, Map.of(), java.util.List.of());
    try {
      Path dataDir = a.dataDir().toAbsolutePath();
      Files.createDirectories(dataDir.resolve("outbox"));
      try (LocalDynamo dynamo = LocalDynamo.start(storage, dataDir, dynamoEnv)) {
        stderr.println("Invoking " + fn.handler() + " (" + fn.logicalId() + ") against " + dynamo.describe());
        try (DynamoDbClient client = AwsEndpoints.configure(DynamoDbClient.builder(), dynamo.endpoint())
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
          TABLES.ensure(client);
        }
        Map<String, String> env = new LinkedHashMap<>(FunctionEnvironment.resolve(fn, parameters, LOCAL_RESOURCE_NAMES,
            LOCAL_STAND_INS, processEnv, envVars));
        env.putAll(lambdaEnvironment(fn, processEnv, dynamo.endpoint()));
        if (env.getOrDefault("DIGEST_OUTBOX_DIR", "").isBlank()) {
          // Digests go to the local stack's outbox unless the shell or --env-vars names one (and to
          // SES_ENDPOINT too when that is set).
          env.put("DIGEST_OUTBOX_DIR", dataDir.resolve("outbox").toString());
        }
        if (fn.environment().containsKey("ALERTS_OUTBOX_DIR") && env.getOrDefault("ALERTS_OUTBOX_DIR", "").isBlank()) {
          // The alerts' SNS messages, as the local stack writes them.
          env.put("ALERTS_OUTBOX_DIR", dataDir.resolve("outbox").resolve("alerts").toString());
        }
        return invoke(fn, env, event, stdout, stderr);
      }
    } catch (LocalDynamo.MissingEmulatorException e) {
      stderr.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      stderr.println("error: " + e);
      return 1;
    }
  }

  /**
   * What the Lambda service adds to every function's environment, plus the DynamoDB whose tables
   * were just ensured (it wins over any DYNAMODB_ENDPOINT of --env-vars, which is meant for SAM's
   * containers; choose another with --dynamodb-endpoint).
   */
  private static Map<String, String> lambdaEnvironment(FunctionSpec fn, Map<String, String> processEnv,
                                                       String dynamoEndpoint) {
    Map<String, String> env = new LinkedHashMap<>();
    String region = processEnv.getOrDefault("AWS_REGION", processEnv.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("AWS_LAMBDA_FUNCTION_NAME", fn.logicalId());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(fn.memoryMb()));
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + fn.logicalId());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("_HANDLER", fn.handler());
    env.put("DYNAMODB_ENDPOINT", dynamoEndpoint);
    // dynoxide updates indexes synchronously: the themes job need not leave recent items for later.
    env.put("THEME_SETTLE_MINUTES", "0");
    return env;
  }

  private static int invoke(FunctionSpec fn, Map<String, String> env, byte[] event, PrintStream stdout, PrintStream stderr) {
    // Whatever the function prints is log output, as in Lambda; stdout carries only the response.
    PrintStream realOut = System.out;
    System.setOut(stderr);
    try {
      LambdaInvoker invoker = new LambdaInvoker(Clock.systemUTC(), stderr);
      InvocationResult result;
      try {
        result = invoker.invoke(fn.handler(), fn.logicalId(), fn.memoryMb(), fn.timeoutSeconds(), env, event);
      } catch (LambdaInvoker.HandlerInitException e) {
        stderr.println("error: init failed: " + e.getMessage());
        if (e.getCause() != null) {
          e.getCause().printStackTrace(stderr);
        }
        return 1;
      }
      stderr.println("END RequestId: " + result.requestId());
      stderr.println(result.reportLine(fn.memoryMb()));
      stderr.flush();
      stdout.println(result.json());
      stdout.flush();
      return result.failed() ? 1 : 0;
    } finally {
      System.setOut(realOut);
    }
  }
}
