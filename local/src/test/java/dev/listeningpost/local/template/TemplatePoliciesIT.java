package dev.listeningpost.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.digest.testing.SesLocal;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.local.invoke.CfnYaml;
import dev.listeningpost.local.invoke.EnvVarsFile;
import dev.listeningpost.local.invoke.FunctionEnvironment;
import dev.listeningpost.local.invoke.FunctionSpec;
import dev.listeningpost.local.invoke.InvocationResult;
import dev.listeningpost.local.invoke.LambdaInvoker;
import dev.listeningpost.local.invoke.SamTemplate;
import dev.listeningpost.local.invoke.ScopedEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every AWS call each function really makes is granted by its policies in template.yaml.
 *
 * <p>Each function runs in this JVM, as the Lambda Java runtime runs it ({@link LambdaInvoker}, the
 * invoke command's engine), with every sample event of its events/ folder, in pipeline order
 * (webhooks, analysis, themes, read API, digest), with the environment the template gives it: its
 * tables are fresh dynoxide tables, SES is the aws-ses-v2-local emulator, and the webhook secrets
 * come from SSM as in AWS ({@code SECRETS_SOURCE=ssm}) through {@link FakeSsm}. {@link SdkCallRecorder}
 * records every SDK request the function makes; {@link IamActions} turns each into the IAM action and
 * resource it needs, the Lambda service's own calls for the event sources are added
 * ({@link TemplateIam#platformRequests}), and {@link PolicyCheck} reports each one the function's
 * policies ({@link TemplateIam#statements}) do not allow.
 *
 * <p>Limits: only code paths the sample events reach are seen (add an event to cover another path);
 * KMS decryption that SSM performs for SecureStrings is not a call of the function and is not
 * checked; an SES send is checked against the identity of the full From address.
 */
@ExtendWith(DynoxideExtension.class)
class TemplatePoliciesIT {
  @RegisterExtension
  static final SesLocal SES = new SesLocal();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGION = TemplatePoliciesTest.REGION;
  private static final String ACCOUNT = TemplatePoliciesTest.ACCOUNT;
  /** Pipeline order, so the later functions find data the earlier ones wrote. */
  private static final List<String> ORDER = List.of("IngestFunction", "AnalyzeFunction", "ThemesFunction",
      "ReadApiFunction", "DigestFunction", "AlertsFunction", "DigestReadFunction");
  /** The alerts' SNS topic (no SNS emulator in the build). */
  private static final FakeSns SNS = new FakeSns();

  @TempDir
  static Path dir;
  private static Map<String, String> tables;
  private static Map<String, String> parameters;
  /** What each function called, recorded once for all tests. */
  private static Map<String, List<AwsCall>> calls;

  @BeforeAll
  static void runEveryFunctionWithEveryEvent() throws Exception {
    tables = freshTables();
    parameters = TemplatePoliciesTest.parameters();
    Map<String, FunctionSpec> functions = SamTemplate.load(SampleEvents.ROOT.resolve("template.yaml")).functions();
    assertEquals(new TreeSet<>(ORDER), functions.keySet(), "every function runs");
    calls = new LinkedHashMap<>();
    try (FakeSsm ssm = new FakeSsm(name -> sampleSecret(parameters.get("SecretsPath"), name))) {
      for (String id : ORDER) {
        for (SampleEvents.SampleEvent event : SampleEvents.all()) {
          if (event.function().equals(id)) {
            calls.computeIfAbsent(id, k -> new ArrayList<>()).addAll(invoke(functions.get(id), event, ssm));
          }
        }
      }
    }
  }

  @AfterAll
  static void stopSns() {
    SNS.close();
  }

  @Test
  void everyAwsCallOfEveryFunctionIsAllowedByItsPolicies() throws Exception {
    Map<String, List<String>> denied = denied(CfnYaml.load(SampleEvents.ROOT.resolve("template.yaml")));

    assertEquals(Map.of(), denied, "calls template.yaml does not allow: add the policy to the function");
  }

  @Test
  void theRecordingSawWhatTheFunctionsAreKnownToCall() {
    for (String id : ORDER) {
      List<AwsCall> made = calls.getOrDefault(id, List.of());
      assertTrue(made.stream().anyMatch(c -> c.service().equals("dynamodb")), () -> id + " made DynamoDB calls: " + made);
    }
    assertTrue(calls.get("IngestFunction").stream().anyMatch(c -> c.toString().equals("ssm:GetParameters")),
        "ingest read its secrets from SSM: " + calls.get("IngestFunction"));
    assertTrue(calls.get("DigestFunction").stream().anyMatch(c -> c.toString().equals("ses:SendEmail")),
        "the digest went out through SES: " + calls.get("DigestFunction"));
    assertFalse(SES.emails().isEmpty(), "the SES emulator received the digest");
    assertTrue(calls.get("AlertsFunction").stream().anyMatch(c -> c.toString().equals("sns:Publish")),
        "the key account's alert went to the topic: " + calls.get("AlertsFunction"));
    assertTrue(calls.get("AlertsFunction").stream().anyMatch(c -> c.toString().equals("ses:SendEmail")),
        "and by email: " + calls.get("AlertsFunction"));
    assertEquals(1, SNS.published().size(), SNS.published()::toString);
  }

  @Test
  void theDigestArchiveReadsOnlyFromDynamoDbEvenForAPreview() {
    List<AwsCall> made = calls.get("DigestReadFunction");
    assertTrue(made.stream().allMatch(c -> c.service().equals("dynamodb")
        && java.util.Set.of("GetItem", "Query", "BatchGetItem", "Scan").contains(c.operation())), made::toString);
    assertTrue(made.stream().anyMatch(c -> c.operation().equals("Query")), () -> "the preview composed: " + made);
  }

  @Test
  void withoutItsSesStatementTheDigestsRecordedSendIsReported() throws Exception {
    Map<String, Object> template = CfnYaml.load(SampleEvents.ROOT.resolve("template.yaml"));
    assertTrue(policies(template, "DigestFunction").removeIf(p -> p.toString().contains("Sid=SendDigest")));

    List<String> denied = denied(template).getOrDefault("DigestFunction", List.of());

    assertEquals(1, denied.size(), denied::toString);
    assertTrue(denied.get(0).startsWith("ses:SendEmail on arn:aws:ses:us-east-1:123456789012:identity/digest@example.com"),
        denied::toString);
  }

  @Test
  void withoutItsPublishStatementTheAlertsRecordedPublishIsReported() throws Exception {
    Map<String, Object> template = CfnYaml.load(SampleEvents.ROOT.resolve("template.yaml"));
    Map<?, ?> document = (Map<?, ?>) policies(template, "AlertsFunction").get(0);
    assertTrue(((List<?>) document.get("Statement")).removeIf(s -> s.toString().contains("Sid=PublishAlerts")));

    List<String> denied = denied(template).getOrDefault("AlertsFunction", List.of());

    assertEquals(1, denied.size(), denied::toString);
    assertTrue(denied.get(0).startsWith("sns:Publish on arn:aws:sns:us-east-1:123456789012:AlertTopic"), denied::toString);
  }

  @Test
  void withoutItsSecretsStatementIngestsRecordedSecretReadsAreReported() throws Exception {
    Map<String, Object> template = CfnYaml.load(SampleEvents.ROOT.resolve("template.yaml"));
    Map<?, ?> document = (Map<?, ?>) policies(template, "IngestFunction").get(0);
    assertTrue(((List<?>) document.get("Statement")).removeIf(s -> s.toString().contains("Sid=WebhookSecrets")));

    List<String> denied = denied(template).getOrDefault("IngestFunction", List.of());

    assertFalse(denied.isEmpty());
    assertTrue(denied.stream().allMatch(d -> d.startsWith("ssm:GetParameters on arn:aws:ssm:")), denied::toString);
  }

  /** Per function, what its recorded calls and its event sources need that the template does not allow. */
  private static Map<String, List<String>> denied(Map<String, Object> template) {
    TemplateIam iam = new TemplateIam(template, new CfnValues(template, REGION, ACCOUNT, parameters, tables));
    Map<String, List<String>> denied = new TreeMap<>();
    calls.forEach((id, made) -> {
      List<IamRequest> requests = new ArrayList<>();
      made.forEach(c -> requests.addAll(IamActions.of(c, ACCOUNT)));
      requests.addAll(iam.platformRequests(id));
      List<String> d = PolicyCheck.denied(requests, iam.statements(id), TemplatePoliciesIT::describe);
      if (!d.isEmpty()) {
        denied.put(id, d);
      }
    });
    return denied;
  }

  private static List<?> policies(Map<String, Object> template, String function) {
    return (List<?>) CfnValues.map(CfnValues.map(CfnValues.map(template.get("Resources")).get(function)).get("Properties"))
        .get("Policies");
  }

  private static List<AwsCall> invoke(FunctionSpec fn, SampleEvents.SampleEvent event, FakeSsm ssm) throws Exception {
    Map<String, String> env = new LinkedHashMap<>(FunctionEnvironment.resolve(fn, parameters, tables, Map.of(), Map.of(),
        EnvVarsFile.NONE));
    if (env.containsKey("SES_ENDPOINT")) {
      env.put("SES_ENDPOINT", SES.endpoint());
    }
    if (env.containsKey("ALERTS_TOPIC_ARN")) {
      // The topic's ARN as CloudFormation returns it for Ref, so the policy check compares like with like.
      env.put("ALERTS_TOPIC_ARN", "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":AlertTopic");
    }
    env.putAll(Map.of(
        "AWS_REGION", REGION, "AWS_DEFAULT_REGION", REGION,
        "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
        "AWS_LAMBDA_FUNCTION_NAME", fn.logicalId(),
        "DYNAMODB_ENDPOINT", DynoxideExtension.endpoint(),
        // The SDK's per-service endpoint setting: the function's own SSM client reaches the fake.
        "AWS_ENDPOINT_URL_SSM", ssm.endpoint(),
        "AWS_ENDPOINT_URL_SNS", SNS.endpoint(),
        // dynoxide updates indexes synchronously: the themes job need not leave recent items for later.
        "THEME_SETTLE_MINUTES", "0"));
    byte[] body = Files.readAllBytes(SampleEvents.freshlySigned(event.path(), dir));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    InvocationResult result;
    List<AwsCall> made;
    SdkCallRecorder.start();
    try (ScopedEnvironment restored = ScopedEnvironment.save()) {
      result = new LambdaInvoker(Clock.systemUTC(), new PrintStream(log, true, StandardCharsets.UTF_8))
          .invoke(fn.handler(), fn.logicalId(), fn.memoryMb(), fn.timeoutSeconds(), env, body);
    } finally {
      made = SdkCallRecorder.stop();
    }
    String logs = log.toString(StandardCharsets.UTF_8);
    assertFalse(result.failed(), () -> event + " failed: " + result.json() + "\n" + logs);
    JsonNode response = JSON.readTree(result.json());
    if (response.has("statusCode")) {
      int status = response.get("statusCode").asInt();
      assertTrue(status >= 200 && status < 300, () -> event + " answered " + status + ": " + result.json() + "\n" + logs);
    }
    return made;
  }

  private static Map<String, String> freshTables() {
    Map<String, String> names = Map.of(
        "FeedbackTable", DynoxideExtension.uniqueName("feedback"),
        "ThemeTable", DynoxideExtension.uniqueName("themes"),
        "DigestTable", DynoxideExtension.uniqueName("digests"));
    try (DynamoDbClient client = DynoxideExtension.client()) {
      TableDefinitions.ensureFeedback(client, names.get("FeedbackTable"));
      TableDefinitions.ensure(client, KeyedTable.definition(names.get("ThemeTable")));
      TableDefinitions.ensure(client, KeyedTable.definition(names.get("DigestTable")));
    }
    return names;
  }

  /**
   * The sample secret of an SSM name {@code {path}{channel}/[{source}/]{name}}: the variable the
   * environment resolver would read for it (events/ingest/apigw/README.md's secrets).
   */
  static String sampleSecret(String path, String name) {
    if (!name.startsWith(path)) {
      return null;
    }
    String[] parts = name.substring(path.length()).split("/");
    String variable = switch (parts.length) {
      case 2 -> EnvironmentSecretResolver.variable(parts[0], null, parts[1]);
      case 3 -> EnvironmentSecretResolver.variable(parts[0], parts[1], parts[2]);
      default -> "";
    };
    return SampleEvents.SAMPLE_SECRETS.get(variable);
  }

  /** An ARN with the logical id of the table it names, for the report. */
  private static String describe(String arn) {
    for (var t : tables.entrySet()) {
      if (arn.contains("table/" + t.getValue())) {
        return arn + " (" + t.getKey() + ")";
      }
    }
    return arn;
  }
}
