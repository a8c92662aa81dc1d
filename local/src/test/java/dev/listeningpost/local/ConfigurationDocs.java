package dev.listeningpost.local;

import dev.listeningpost.feedback.wiring.ConfigDefaults;
import dev.listeningpost.ingest.wiring.IngestProperties;
import dev.listeningpost.local.invoke.FunctionSpec;
import dev.listeningpost.local.invoke.SamTemplate;
import dev.listeningpost.local.settings.SettingsCatalog;
import dev.listeningpost.local.settings.SettingsCatalog.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes docs/configuration.md from the settings types (their generated metadata), template.yaml, the
 * channel adapters and the local stack's defaults, so the page cannot drift from the code;
 * {@code ConfigurationDocsTest} fails when the file differs. Regenerate with
 * {@code mvn -B -pl local -am test -Dtest=ConfigurationDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dlp.regenerate=true}.
 */
final class ConfigurationDocs {
  static final Path FILE = SettingsCatalog.ROOT.resolve("docs/configuration.md");
  static final String REGENERATE = "mvn -B -pl local -am test -Dtest=ConfigurationDocsTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dlp.regenerate=true";

  /**
   * Variables read outside the settings types, with who reads them and what they do. Every variable the
   * sources read besides settings, and every variable the template declares that is not a setting, must
   * be here (ConfigurationDocsTest).
   *
   * @param readBy   who reads it when that is not a function's code (found from the sources): the JVM, the AWS
   *                 SDK, the local jar; null when it is
   * @param platform set by or read by the platform, not this project's code
   */
  record Other(String name, String readBy, boolean platform, String meaning) {
  }

  static final List<Other> OTHERS = List.of(
      new Other("LAMBDA_REGISTER_CONTEXT", null, false, "Property `lambda.register-context`, default `false`. `true` "
          + "registers each invocation's Lambda `Context` as a bean, as Micronaut does by default; that slows every "
          + "warm call (`NoLambdaContextBeans`, docs/performance/ingest.md)."),
      new Other("DJL_CACHE_DIR", null, false, "Where DJL unpacks the tokenizer's native library; default `/tmp/djl` "
          + "(Lambda's home is read-only; the template sets it too)."),
      new Other("JAVA_TOOL_OPTIONS", "the JVM", true, "JVM flags; the template starts the ingest function with C1 only "
          + "(faster cold starts, docs/performance/ingest.md) and sets every function's log level from the `LogLevel` "
          + "parameter (slf4j-simple reads it from a system property only; docs/performance/cost.md)."),
      new Other("AWS_REGION", "the AWS SDK", true, "Set by Lambda. Locally: the region of AWS endpoints, `us-east-1` "
          + "when unset."),
      new Other("AWS_PROFILE", "the AWS SDK", true, "Locally: the credentials profile, when a function or the local "
          + "jar talks to AWS itself (`--dynamodb-endpoint` to a real table)."),
      new Other("AWS_LAMBDA_FUNCTION_NAME", "Lambda", true, "Set by Lambda (and by the local `invoke`), with the "
          + "other `AWS_*` and `_HANDLER` variables of the runtime."),
      new Other("DYNOXIDE_BIN", "the local jar and the tests", false, "The dynoxide binary (DynamoDB emulator); "
          + "else the project cache (`tools/install-dynoxide.sh`), then `PATH`."));

  private ConfigurationDocs() {
  }

  static String render() throws IOException {
    SamTemplate template = SamTemplate.load(SettingsCatalog.ROOT.resolve("template.yaml"));
    StringBuilder md = new StringBuilder();
    md.append("""
        # Configuration

        <!-- Generated from the settings types, template.yaml, the channel adapters and the local stack by
             local/src/test/java/dev/listeningpost/local/ConfigurationDocs.java. Do not edit: ConfigurationDocsTest
             fails when this file differs from what the code says. Regenerate with
             %s -->

        Every function reads its settings from environment variables, bound by Micronaut: a variable's name is its
        property key in upper case with `.` and `-` turned into `_` (`theme.min-cohesion` is `THEME_MIN_COHESION`).
        Each setting and its default are declared once, on a record component of a `@ConfigurationProperties` type
        (`StorageProperties`, `IngestProperties`, `AnalyzeProperties`, `DigestProperties`); this page is generated
        from those declarations. In AWS, template.yaml sets the variables under "Template", mostly from its
        [parameters](#template-parameters); the others keep their defaults, which suit AWS. The local stack reads
        the same variables from its environment ([Local stack](#local-stack)).

        "Read by" names the functions whose beans use the setting. Functions built from one module share its code:
        AnalyzeFunction, ThemesFunction and ReadApiFunction are all built from functions/analyze, DigestFunction and
        DigestReadFunction from functions/digest, and every function includes functions/feedback (storage).
        """.formatted(REGENERATE));
    SettingsCatalog.byArea().forEach((area, settings) -> {
      md.append("\n## ").append(area).append("\n\n");
      md.append("| Variable | Property | Default | Read by | Template | Meaning |\n|---|---|---|---|---|---|\n");
      for (Setting s : settings) {
        md.append("| `").append(s.variable()).append("` | `").append(s.key()).append("` | ")
            .append(defaultCell(s.defaultValue())).append(" | ").append(readBy(template, SettingsCatalog.readers(s)))
            .append(" | ").append(templateCell(template, s.variable())).append(" | ").append(sentence(s.description()))
            .append(" |\n");
      }
    });
    channelSecrets(md);
    others(md, template);
    local(md);
    parameters(md, template);
    return md.toString();
  }

  private static void channelSecrets(StringBuilder md) {
    String path = ConfigDefaults.of(IngestProperties.Secrets.class).path();
    md.append("""

        ## Channel secrets

        Webhook secrets are not settings of a type: each channel adapter looks up named secrets for its channel
        and, when the webhook URL has a `{source}` segment (`/webhooks/slack/acme`), for that source first, then
        the channel's. With `SECRETS_SOURCE=env` (the default, and the local stack) a secret is the environment
        variable `{CHANNEL}_{NAME}` or `{CHANNEL}_{SOURCE}_{NAME}`, upper case with every other character turned
        into `_` (`SLACK_SIGNING_SECRET`, `SLACK_ACME_SIGNING_SECRET`). With `SECRETS_SOURCE=ssm` (the template) it
        is the SSM SecureString `{SECRETS_PATH}{channel}/{source}/{name}`, else `{SECRETS_PATH}{channel}/{name}`.
        During a rotation the previous value is in `..._PREVIOUS` (SSM: `...-previous`) and both are accepted.
        Read by IngestFunction; docs/channels.md says where each platform shows its secret.

        | Channel | Name | Environment variable | SSM parameter (default path) |
        |---|---|---|---|
        """);
    SettingsCatalog.channelSecrets().forEach((channel, names) -> names.forEach(name ->
        md.append("| ").append(channel).append(" | `").append(name).append("` | `")
            .append(SettingsCatalog.secretVariable(channel, null, name)).append("` | `").append(path).append(channel)
            .append('/').append(name).append("` |\n")));
  }

  private static void others(StringBuilder md, SamTemplate template) {
    md.append("""

        ## Other variables

        Read outside the settings types.

        | Variable | Read by | Template | Meaning |
        |---|---|---|---|
        """);
    for (Other o : OTHERS) {
      Set<String> modules = new TreeSet<>();
      for (String module : SettingsCatalog.MODULES) {
        if (SettingsCatalog.scannedVariables(List.of(module)).contains(o.name())) {
          modules.add(module);
        }
      }
      String readBy = o.readBy() != null ? o.readBy() : readBy(template, modules);
      md.append("| `").append(o.name()).append("` | ").append(readBy).append(" | ")
          .append(templateCell(template, o.name())).append(" | ").append(o.meaning()).append(" |\n");
    }
  }

  private static void local(StringBuilder md) {
    md.append("""

        ## Local stack

        `java -jar local/target/listening-post-local.jar` runs every function's code in one process and binds the
        variables above from its own environment, as the functions do. Where the environment has none of these,
        it uses:

        | Variable | Local default |
        |---|---|
        """);
    new TreeMap<>(LocalPipeline.LOCAL_DEFAULTS).forEach((k, v) ->
        md.append("| `").append(k).append("` | `").append(v).append("` |\n"));
    md.append("""

        and it sets these whatever the environment says (its own DynamoDB and outbox; no settle time for the
        themes job, as dynoxide updates indexes at once; secrets from its environment, never SSM):

        | Property | Variable | Local value |
        |---|---|---|
        """);
    new TreeMap<>(LocalPipeline.overrides(Path.of("{data-dir}"), "dynoxide's, or `--dynamodb-endpoint`"))
        .forEach((k, v) -> md.append("| `").append(k).append("` | `").append(SettingsCatalog.variable(k)).append("` | ")
            .append(String.valueOf(v).contains(" ") ? v : "`" + v + "`").append(" |\n"));
    md.append("\nThe local `invoke` command gives a function the environment SAM would (README, \"Invoke a function\").\n");
  }

  private static void parameters(StringBuilder md, SamTemplate template) {
    md.append("""

        ## Template parameters

        `sam deploy --guided` asks for these (docs/deploy.md walks through them). "Sets" is the variable a
        parameter becomes; the others configure AWS resources (schedules, API throttling, logs, alarms).

        | Parameter | Default | Sets | Description |
        |---|---|---|---|
        """);
    template.parameters().values().forEach(p -> {
      Set<String> sets = new TreeSet<>();
      template.functions().values().forEach(fn -> fn.environment().forEach((name, raw) -> {
        if (raw instanceof Map<?, ?> m && p.name().equals(m.get("Ref"))) {
          sets.add("`" + name + "`");
        }
      }));
      md.append("| `").append(p.name()).append("` | ")
          .append(p.defaultValue() == null ? "required" : defaultCell(p.defaultValue())).append(" | ")
          .append(sets.isEmpty() ? "—" : String.join(", ", sets)).append(" | ")
          .append(markdown(p.description().replaceAll("\\s+", " "))).append(" |\n");
    });
  }

  /** The functions built from these modules, in template order; "all functions" for the shared module. */
  static String readBy(SamTemplate template, Set<String> modules) {
    if (modules.isEmpty()) {
      return "—";
    }
    if (modules.contains("functions/feedback")) {
      return "all functions";
    }
    List<String> out = new ArrayList<>();
    template.functions().values().forEach(fn -> {
      if (modules.contains(fn.codeUri())) {
        out.add(fn.logicalId());
      }
    });
    return String.join(", ", out);
  }

  /** What the template sets a variable to, per value, with the functions that get it. */
  static String templateCell(SamTemplate template, String variable) {
    Map<String, FunctionSpec> functions = template.functions();
    Map<String, List<String>> byValue = new LinkedHashMap<>();
    functions.values().forEach(fn -> {
      if (fn.environment().containsKey(variable)) {
        byValue.computeIfAbsent(templateValue(template, fn.environment().get(variable)), k -> new ArrayList<>())
            .add(fn.logicalId());
      }
    });
    if (byValue.isEmpty()) {
      return "—";
    }
    List<String> cells = new ArrayList<>();
    byValue.forEach((value, ids) -> cells.add(value + " ("
        + (ids.size() == functions.size() ? "all functions" : String.join(", ", ids)) + ")"));
    return String.join("; ", cells);
  }

  private static String templateValue(SamTemplate template, Object raw) {
    if (raw instanceof Map<?, ?> m && m.containsKey("Ref")) {
      String ref = String.valueOf(m.get("Ref"));
      return template.parameters().containsKey(ref) ? "parameter `" + ref + "`" : "name of `" + ref + "`";
    }
    if (raw instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String sub) {
      // A string with ${Parameter} placeholders: shown as written.
      return "`" + sub + "`";
    }
    String s = String.valueOf(raw);
    return s.isEmpty() ? "empty" : "`" + s + "`";
  }

  private static String defaultCell(String value) {
    return value == null || value.isEmpty() ? "empty" : "`" + value + "`";
  }

  /** A Javadoc fragment as a table cell starting with a capital. */
  static String sentence(String javadoc) {
    String md = markdown(javadoc);
    return md.isEmpty() ? md : Character.toUpperCase(md.charAt(0)) + md.substring(1);
  }

  /** Javadoc to Markdown: {@code x} and {@link x} to code, pipes escaped for tables. */
  static String markdown(String javadoc) {
    return javadoc.replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`").replace("|", "\\|");
  }
}
