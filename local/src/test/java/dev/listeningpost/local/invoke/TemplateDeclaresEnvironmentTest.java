package dev.listeningpost.local.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.local.settings.SettingsCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the functions' code reads is declared in template.yaml, or is a
 * tunable whose default suits AWS (listed below). SAM passes a function only the variables its
 * template declares ({@code --env-vars} cannot add others), and in AWS an undeclared variable is
 * simply absent.
 *
 * <p>What counts as read ({@link SettingsCatalog}): the settings of the {@code @ConfigurationProperties}
 * records (from the metadata Micronaut generates) whose record a bean of the artifact injects, and
 * {@code ${a.b-c}} placeholders, {@code @Requires(property = "a.b")} and {@code System.getenv("X")} in the
 * sources, for the function's artifact (its CodeUri module plus functions/feedback, which every function
 * includes). Which function of a shared artifact needs a variable is not derived from the code: the check
 * is that at least one function built from that artifact declares it.
 */
class TemplateDeclaresEnvironmentTest {
  private static final Path ROOT = SettingsCatalog.ROOT;

  /** Tunables with a default fit for AWS: reading them unset is intended. Add one here with a reason. */
  private static final Set<String> DEFAULTED = Set.of(
      // themes job and assignment thresholds (docs/themes.md)
      "THEME_SAMPLE_CAPACITY", "THEME_MIN_SIZE", "THEME_ASSIGN_THRESHOLD", "THEME_STICKY_MARGIN", "THEME_MERGE_SIMILARITY",
      "THEME_REFINE_ROUNDS", "THEME_RECENCY_DAYS", "THEME_QUOTES", "THEME_LABEL_TERMS", "THEME_MIN_COHESION",
      "THEME_REFRESH_SECONDS", "THEME_INITIAL_LOOKBACK_DAYS", "THEME_SETTLE_MINUTES", "EMBED_THREADS",
      // analyze write-back (docs/performance.md)
      "ANALYZE_WRITE_CONCURRENCY",
      // digest composition (docs/digest.md)
      "DIGEST_QUOTES", "DIGEST_REPLY_SLA", "DIGEST_LIST_LIMIT",
      // alert tests' thresholds and windows (docs/digest.md, "Alerts")
      "ALERTS_WINDOW", "ALERTS_BASELINE_WINDOWS", "ALERTS_ALPHA", "ALERTS_MIN_RATIO", "ALERTS_MIN_VOLUME", "ALERTS_QUOTES",
      // ingest limits and the SSM cache (docs/channels.md)
      "SECRETS_TTL_SECONDS", "INGEST_WIDGET_MAX_TEXT_LENGTH", "INGEST_WIDGET_RATE_PER_MINUTE", "INGEST_WIDGET_BURST",
      // set by the Micronaut Lambda integration itself, not by the template
      "LAMBDA_REGISTER_CONTEXT");

  private static SamTemplate template;

  @BeforeAll
  static void load() throws IOException {
    template = SamTemplate.load(ROOT.resolve("template.yaml"));
  }

  @Test
  void everyVariableTheCodeReadsIsDeclaredForItsArtifact() {
    Map<String, Set<String>> declaredByArtifact = new TreeMap<>();
    template.functions().values().forEach(fn ->
        declaredByArtifact.computeIfAbsent(fn.codeUri(), k -> new HashSet<>()).addAll(fn.environment().keySet()));

    Map<String, Set<String>> missing = new TreeMap<>();
    declaredByArtifact.forEach((codeUri, declared) -> {
      Set<String> read = SettingsCatalog.variablesRead(codeUri);
      assertTrue(read.size() > 3, () -> "found the code of " + codeUri + ": " + read);
      Set<String> undeclared = read.stream().filter(v -> !declared.contains(v) && !DEFAULTED.contains(v))
          .collect(Collectors.toCollection(TreeSet::new));
      if (!undeclared.isEmpty()) {
        missing.put(codeUri, undeclared);
      }
    });
    assertEquals(Map.of(), missing, "variables read by the code but declared by no function of the artifact "
        + "(declare them in template.yaml, or list a tunable in DEFAULTED)");
  }

  @Test
  void theExampleEnvJsonSetsOnlyDeclaredVariables() throws IOException {
    EnvVarsFile file = EnvVarsFile.read(ROOT.resolve("env.json"));
    Map<String, FunctionSpec> functions = template.functions();
    assertTrue(functions.keySet().containsAll(file.byFunction().keySet()), () -> "unknown functions: " + file.byFunction().keySet());
    Map<String, Set<String>> ignoredBySam = new TreeMap<>();
    functions.forEach((id, fn) -> {
      Set<String> set = new TreeSet<>(file.byFunction().getOrDefault(id, Map.of()).keySet());
      set.removeAll(fn.environment().keySet());
      if (!set.isEmpty()) {
        ignoredBySam.put(id, set);
      }
    });
    assertEquals(Map.of(), ignoredBySam, "env.json sets variables the template does not declare (SAM ignores them)");
    for (String all : file.allFunctions().keySet()) {
      assertTrue(functions.values().stream().anyMatch(fn -> fn.environment().containsKey(all)), () -> all + " is declared nowhere");
    }
    assertEquals("http://localhost:8005", file.forFunction("DigestFunction").get("SES_ENDPOINT"),
        "host.docker.internal is the host itself for the Docker-free invoke");
  }

  @Test
  void theScanSeesSettingsRequiresAndGetenv() {
    assertTrue(SettingsCatalog.variablesRead("functions/ingest").containsAll(
        Set.of("INGEST_MAX_BODY_BYTES", "SECRETS_SOURCE", "SECRETS_PATH", "FEEDBACK_TABLE", "LAMBDA_REGISTER_CONTEXT")));
    assertTrue(SettingsCatalog.variablesRead("functions/analyze").containsAll(
        Set.of("THEME_MIN_COHESION", "THEME_TABLE", "DJL_CACHE_DIR")));
  }

  @Test
  void aSharedSettingCountsOnlyForTheArtifactsWhoseBeansInjectIt() {
    // The table names are storage settings in functions/feedback, but only analyze and digest read the themes'.
    assertTrue(SettingsCatalog.variablesRead("functions/digest").containsAll(Set.of("THEME_TABLE", "DIGEST_TABLE")));
    Set<String> ingest = SettingsCatalog.variablesRead("functions/ingest");
    assertTrue(!ingest.contains("THEME_TABLE") && !ingest.contains("DIGEST_TABLE"), ingest::toString);
  }
}
