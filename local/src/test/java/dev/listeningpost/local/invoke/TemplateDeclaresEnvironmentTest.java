package dev.listeningpost.local.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the functions' code reads is declared in template.yaml, or is a
 * tunable whose default suits AWS (listed below). SAM passes a function only the variables its
 * template declares ({@code --env-vars} cannot add others), and in AWS an undeclared variable is
 * simply absent.
 *
 * <p>What counts as read: Micronaut placeholders {@code ${a.b-c}} (the variable {@code A_B_C}),
 * {@code @Requires(property = "a.b")}, and {@code System.getenv("X")} literals, in the sources of
 * the function's artifact (its CodeUri module plus functions/feedback, which every function
 * includes). Which function of a shared artifact needs a variable is not derived from the code:
 * the check is that at least one function built from that artifact declares it.
 */
class TemplateDeclaresEnvironmentTest {
  private static final Path ROOT = Path.of(System.getProperty("lp.root", "..")).toAbsolutePath().normalize();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.-]+)(:[^}]*)?}");
  private static final Pattern REQUIRES = Pattern.compile("@Requires\\(property\\s*=\\s*\"([a-z0-9.-]+)\"");
  private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\"([A-Z0-9_]+)\"\\)");

  /** Tunables with a default fit for AWS: reading them unset is intended. Add one here with a reason. */
  private static final Set<String> DEFAULTED = Set.of(
      // themes job and assignment thresholds (docs/themes.md)
      "THEME_SAMPLE_CAPACITY", "THEME_MIN_SIZE", "THEME_ASSIGN_THRESHOLD", "THEME_STICKY_MARGIN", "THEME_MERGE_SIMILARITY",
      "THEME_RECENCY_DAYS", "THEME_MIN_COHESION", "THEME_REFRESH_SECONDS", "THEME_INITIAL_LOOKBACK_DAYS",
      "THEME_SETTLE_MINUTES", "EMBED_THREADS",
      // digest composition (docs/digest.md)
      "DIGEST_QUOTES", "DIGEST_REPLY_SLA", "DIGEST_LIST_LIMIT",
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
      Set<String> read = variablesRead(List.of(ROOT.resolve(codeUri), ROOT.resolve("functions/feedback")));
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
  void theScanSeesPlaceholdersRequiresAndGetenv() {
    Set<String> read = variablesRead(List.of(ROOT.resolve("functions/ingest")));
    assertTrue(read.containsAll(Set.of("INGEST_MAX_BODY_BYTES", "SECRETS_SOURCE", "SECRETS_PATH")), read::toString);
    assertTrue(variablesRead(List.of(ROOT.resolve("functions/analyze"))).contains("DJL_CACHE_DIR"));
  }

  /** The environment variables the Java sources under these modules read. */
  static Set<String> variablesRead(List<Path> modules) {
    Set<String> out = new TreeSet<>();
    for (Path module : modules) {
      try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
          String code = read(f);
          for (Pattern p : List.of(PLACEHOLDER, REQUIRES)) {
            Matcher m = p.matcher(code);
            while (m.find()) {
              out.add(m.group(1).toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"));
            }
          }
          Matcher env = GETENV.matcher(code);
          while (env.find()) {
            out.add(env.group(1));
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
