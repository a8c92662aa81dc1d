package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.local.invoke.FunctionSpec;
import dev.listeningpost.local.invoke.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code invoke} as a developer runs it, the packaged jar in its own process from the repository
 * root: every Lambda event in events/ through its function, with the template's settings, against
 * dynoxide; the response JSON on stdout, the REPORT line on stderr.
 */
class InvokeCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  /** The sample-event folders and the function each belongs to (events/ingest/apigw/README.md and friends). */
  private static final Map<String, String> FUNCTION_OF_FOLDER = Map.of(
      "events/ingest/apigw", "IngestFunction",
      "events/analyze", "AnalyzeFunction",
      "events/themes", "ThemesFunction",
      "events/digest", "DigestFunction",
      "events/api", "ReadApiFunction");

  /**
   * Folders of webhook bodies (what a channel POSTs, not a Lambda event) and the local stack's
   * scenario data: invoking them needs a channel's signing first, which the ingest tests do.
   */
  private static final Pattern NOT_LAMBDA_EVENTS = Pattern.compile("events/ingest/(?!apigw)[^/]+|events/local");

  /** The secrets the sample events were made with (events/ingest/apigw/README.md): the local stand-in for SSM. */
  private static final Map<String, String> SAMPLE_SECRETS = Map.of(
      "SLACK_SIGNING_SECRET", SLACK_SECRET,
      "GITHUB_WEBHOOK_SECRET", "It's a Secret to Everybody",
      "META_VERIFY_TOKEN", "meta-verify-token",
      "X_CONSUMER_SECRET", "x-consumer-secret",
      "WIDGET_ACME_ALLOWED_ORIGINS", "https://app.example.com");

  static Stream<Arguments> lambdaEvents() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (var e : new java.util.TreeMap<>(FUNCTION_OF_FOLDER).entrySet()) {
      try (Stream<Path> files = Files.list(InvokeJar.ROOT.resolve(e.getKey()))) {
        files.filter(f -> f.toString().endsWith(".json")).sorted()
            .forEach(f -> out.add(Arguments.of(e.getValue(), e.getKey() + "/" + f.getFileName())));
      }
    }
    return out.stream();
  }

  @Test
  void everyFolderOfJsonEventsBelongsToAFunction() throws IOException {
    TreeSet<String> unmapped = new TreeSet<>();
    try (Stream<Path> files = Files.walk(InvokeJar.ROOT.resolve("events"))) {
      files.filter(f -> f.toString().endsWith(".json")).forEach(f -> {
        String folder = InvokeJar.ROOT.relativize(f.getParent()).toString().replace('\\', '/');
        if (!FUNCTION_OF_FOLDER.containsKey(folder) && !NOT_LAMBDA_EVENTS.matcher(folder).matches()) {
          unmapped.add(folder);
        }
      });
    }
    assertEquals(new TreeSet<>(), unmapped, "event folders no function invokes: map them in FUNCTION_OF_FOLDER");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lambdaEvents")
  void everyLambdaEventRunsThroughItsFunction(String function, String event, @TempDir Path dir) throws Exception {
    Path signed = InvokeJar.freshlySigned(InvokeJar.ROOT.resolve(event), SLACK_SECRET, dir);
    InvokeJar.Outcome run = InvokeJar.run(SAMPLE_SECRETS, dir, function, "-e", signed.toString(), "--in-memory",
        "--data-dir", dir.resolve("data").toString());

    assertEquals(0, run.exit(), () -> "exit code\n" + run.stderr());
    JsonNode response = JSON.readTree(run.stdout());
    assertTrue(response.isObject(), () -> "stdout is the response JSON: " + run.stdout());
    if (response.has("statusCode")) {
      int status = response.get("statusCode").asInt();
      assertTrue(status >= 200 && status < 300, () -> "status " + status + ": " + run.stdout());
    }
    FunctionSpec spec = SamTemplate.load(InvokeJar.ROOT.resolve("template.yaml")).functions().get(function);
    Matcher report = Pattern.compile("REPORT RequestId: \\S+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\t"
        + "Memory Size: (\\d+) MB\tMax Memory Used: \\d+ MB").matcher(run.stderr());
    assertTrue(report.find(), () -> "REPORT line on stderr:\n" + run.stderr());
    assertEquals(Integer.toString(spec.memoryMb()), report.group(1), "the template's MemorySize");
  }

  @Test
  void whatTheInvokedIngestStoresTheInvokedReadApiReturns(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path slack = InvokeJar.freshlySigned(InvokeJar.ROOT.resolve("events/ingest/apigw/slack-message.json"), SLACK_SECRET, dir);
    InvokeJar.Outcome ingest = InvokeJar.run(SAMPLE_SECRETS, dir, "IngestFunction", "-e", slack.toString(),
        "--data-dir", data.toString());
    assertEquals(0, ingest.exit(), ingest::stderr);
    assertEquals(1, JSON.readTree(JSON.readTree(ingest.stdout()).get("body").asText()).get("stored").asInt(), ingest.stdout());

    InvokeJar.Outcome read = InvokeJar.run(Map.of(), dir, "ReadApiFunction", "-e", "events/api/feedback-get.json",
        "--data-dir", data.toString());
    assertEquals(0, read.exit(), read::stderr);
    JsonNode body = JSON.readTree(JSON.readTree(read.stdout()).get("body").asText());
    assertEquals(1, body.get("count").asInt(), read.stdout());
  }

  @Test
  void anUnknownLogicalIdIsRefusedWithTheValidOnes(@TempDir Path dir) throws Exception {
    InvokeJar.Outcome run = InvokeJar.run(Map.of(), dir, "WebhookFunction", "-e", "events/api/feedback-get.json");

    assertEquals(2, run.exit());
    for (String id : List.of("AnalyzeFunction", "DigestFunction", "IngestFunction", "ReadApiFunction", "ThemesFunction")) {
      assertTrue(run.stderr().contains(id), () -> "lists " + id + ":\n" + run.stderr());
    }
    assertEquals("", run.stdout());
  }

  @Test
  void anUnhandledErrorExitsNonZeroWithLambdasErrorResponse(@TempDir Path dir) throws Exception {
    Path event = Files.writeString(dir.resolve("bad-period.json"), "{\"period\":\"not-a-week\"}");
    InvokeJar.Outcome run = InvokeJar.run(Map.of(), dir, "DigestFunction", "-e", event.toString(), "--in-memory",
        "--data-dir", dir.resolve("data").toString());

    assertEquals(1, run.exit(), run::stderr);
    JsonNode error = JSON.readTree(run.stdout());
    assertEquals("java.lang.IllegalArgumentException", error.get("errorType").asText(), run.stdout());
    assertTrue(error.get("errorMessage").asText().contains("not-a-week"), run.stdout());
    assertTrue(run.stderr().contains("REPORT RequestId:"), run::stderr);
  }

  @Test
  void theEnvVarsFileSetsTheFunctionsDeclaredVariables(@TempDir Path dir) throws Exception {
    Path envVars = Files.writeString(dir.resolve("env.json"),
        "{\"DigestFunction\": {\"DIGEST_RECIPIENTS\": \"cfo@example.com\"}, \"Parameters\": {\"DIGEST_RECIPIENTS\": \"all@example.com\"}}");
    InvokeJar.Outcome run = InvokeJar.run(Map.of(), dir, "DigestFunction", "-e", "events/digest/scheduled-period.json",
        "--env-vars", envVars.toString(), "--in-memory", "--data-dir", dir.resolve("data").toString());

    assertEquals(0, run.exit(), run::stderr);
    assertEquals("[\"cfo@example.com\"]", JSON.readTree(run.stdout()).get("sent").toString(), run.stdout());
    try (Stream<Path> outbox = Files.list(dir.resolve("data/outbox"))) {
      assertTrue(outbox.anyMatch(f -> f.toString().endsWith(".eml")), "the digest went to the local outbox");
    }
  }
}
