package dev.listeningpost.local.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The environment a function gets from template.yaml, layered as sam local invoke layers it. */
class FunctionEnvironmentTest {
  private static final Map<String, String> TABLES = Map.of("FeedbackTable", "lp-feedback", "ThemeTable", "lp-themes",
      "DigestTable", "lp-digests");
  private static SamTemplate template;

  @BeforeAll
  static void load() throws Exception {
    template = SamTemplate.load(Path.of(System.getProperty("lp.root", ".."), "template.yaml"));
  }

  private static Map<String, String> env(String id, Map<String, String> standIns, Map<String, String> process, EnvVarsFile file) {
    return FunctionEnvironment.resolve(template.functions().get(id), template.parameterDefaults(), TABLES, standIns,
        process, file);
  }

  @Test
  void templateValuesWithGlobalsAndRefsResolved() {
    Map<String, String> env = env("IngestFunction", Map.of(), Map.of(), EnvVarsFile.NONE);

    assertEquals("lp-feedback", env.get("FEEDBACK_TABLE"), "Globals, Ref to a table = its local name");
    assertEquals("730", env.get("FEEDBACK_RETENTION_DAYS"), "Globals, Ref to a parameter = its default");
    assertEquals("ssm", env.get("SECRETS_SOURCE"));
    assertEquals("/listening-post/", env.get("SECRETS_PATH"));
    assertEquals("1048576", env.get("INGEST_MAX_BODY_BYTES"));
    assertEquals("lp-themes", env("DigestFunction", Map.of(), Map.of(), EnvVarsFile.NONE).get("THEME_TABLE"));
    assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        env.get("JAVA_TOOL_OPTIONS"), "!Sub placeholders resolved like a Ref");
  }

  @Test
  void shellThenFileOverrideOnlyDeclaredVariables() {
    EnvVarsFile file = new EnvVarsFile(Map.of("IngestFunction", Map.of("INGEST_STAFF", "slack:U1", "NOT_DECLARED", "x")),
        Map.of("INGEST_STAFF", "slack:U0", "SECRETS_PATH", "/from-file/"));
    Map<String, String> env = env("IngestFunction", Map.of("SECRETS_SOURCE", "env", "DYNAMO_ANYTHING", "y"),
        Map.of("SECRETS_PATH", "/from-shell/", "INGEST_MAX_BODY_BYTES", "2048", "HOME", "/root"), file);

    assertEquals("env", env.get("SECRETS_SOURCE"), "local stand-in over the template");
    assertEquals("2048", env.get("INGEST_MAX_BODY_BYTES"), "shell over the template");
    assertEquals("/from-file/", env.get("SECRETS_PATH"), "file (Parameters = every function) over the shell");
    assertEquals("slack:U1", env.get("INGEST_STAFF"), "the function's own object over Parameters");
    assertFalse(env.containsKey("NOT_DECLARED"));
    assertFalse(env.containsKey("HOME"));
    assertFalse(env.containsKey("DYNAMO_ANYTHING"));
  }

  @Test
  void globalsMemoryAndTimeoutUnlessTheFunctionSetsThem() {
    FunctionSpec ingest = template.functions().get("IngestFunction");
    assertEquals("dev.listeningpost.ingest.IngestHandler", ingest.handler());
    assertEquals(1024, ingest.memoryMb());
    assertEquals(10, ingest.timeoutSeconds());
    assertEquals(1769, template.functions().get("AnalyzeFunction").memoryMb());
  }
}
