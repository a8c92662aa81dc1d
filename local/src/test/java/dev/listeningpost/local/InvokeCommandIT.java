package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.local.invoke.FunctionSpec;
import dev.listeningpost.local.invoke.SamTemplate;
import dev.listeningpost.local.template.SampleEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  static Stream<Arguments> lambdaEvents() {
    return SampleEvents.all().stream().map(e -> Arguments.of(e.function(), e.file()));
  }

  @Test
  void everyFolderOfJsonEventsBelongsToAFunction() throws IOException {
    assertEquals(new TreeSet<>(), SampleEvents.unmappedFolders(),
        "event folders no function invokes: map them in SampleEvents.FUNCTION_OF_FOLDER");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lambdaEvents")
  void everyLambdaEventRunsThroughItsFunction(String function, String event, @TempDir Path dir) throws Exception {
    Path signed = SampleEvents.freshlySigned(InvokeJar.ROOT.resolve(event), dir);
    InvokeJar.Outcome run = InvokeJar.run(SampleEvents.SAMPLE_SECRETS, dir, function, "-e", signed.toString(), "--in-memory",
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
    Path slack = SampleEvents.freshlySigned(InvokeJar.ROOT.resolve("events/ingest/apigw/slack-message.json"), dir);
    InvokeJar.Outcome ingest = InvokeJar.run(SampleEvents.SAMPLE_SECRETS, dir, "IngestFunction", "-e", slack.toString(),
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
    for (String id : List.of("AnalyzeFunction", "DigestFunction", "DigestReadFunction", "IngestFunction", "ReadApiFunction",
        "ThemesFunction")) {
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
