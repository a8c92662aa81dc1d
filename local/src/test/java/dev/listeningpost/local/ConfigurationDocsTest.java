package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.local.invoke.SamTemplate;
import dev.listeningpost.local.settings.SettingsCatalog;
import dev.listeningpost.local.settings.SettingsCatalog.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
 * docs/configuration.md says what the code and the template say, and the other docs name only
 * environment variables that something reads. {@code -Dlp.regenerate=true} rewrites the page first
 * ({@link ConfigurationDocs#REGENERATE}).
 */
class ConfigurationDocsTest {
  private static final Path ROOT = SettingsCatalog.ROOT;
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|");
  private static final Pattern BACKTICKED = Pattern.compile("`([A-Z][A-Z0-9_]{3,})`");
  /** Upper-case words in backticks with an underscore that are not variables, with what they are. */
  private static final Map<String, String> NOT_VARIABLES = Map.of("CAPABILITY_IAM", "a sam deploy --capabilities value");

  private static SamTemplate template;
  private static String page;

  @BeforeAll
  static void load() throws IOException {
    template = SamTemplate.load(ROOT.resolve("template.yaml"));
    if (Boolean.getBoolean("lp.regenerate")) {
      Files.writeString(ConfigurationDocs.FILE, ConfigurationDocs.render());
    }
    page = Files.readString(ConfigurationDocs.FILE);
  }

  @Test
  void thePageIsWhatTheGeneratorWrites() throws IOException {
    assertEquals(ConfigurationDocs.render(), page, "docs/configuration.md is out of date; regenerate it: "
        + ConfigurationDocs.REGENERATE);
  }

  @Test
  void everySettingIsDocumentedOnceWithItsDefault() {
    Map<String, String> expected = new TreeMap<>();
    for (Setting s : SettingsCatalog.settings()) {
      expected.put(s.variable(), s.defaultValue().isEmpty() ? "empty" : "`" + s.defaultValue() + "`");
    }
    Map<String, String> documented = new TreeMap<>();
    for (String area : SettingsCatalog.byArea().keySet()) {
      rows(section(area)).forEach((variable, cells) -> {
        String earlier = documented.put(variable, cells.get(2));
        assertEquals(null, earlier, variable + " is documented twice");
      });
    }
    assertEquals(expected, documented, "settings (variable = default) in the code vs docs/configuration.md");
  }

  @Test
  void everyTemplateParameterIsDocumentedWithItsDefault() {
    Map<String, String> expected = new TreeMap<>();
    template.parameters().values().forEach(p -> expected.put(p.name(),
        p.defaultValue() == null ? "required" : p.defaultValue().isEmpty() ? "empty" : "`" + p.defaultValue() + "`"));
    Map<String, String> documented = new TreeMap<>();
    rows(section("Template parameters")).forEach((name, cells) -> documented.put(name, cells.get(1)));
    assertEquals(expected, documented, "template parameters (name = default) vs docs/configuration.md");
  }

  @Test
  void everyChannelLooksUpNamedSecrets() {
    Map<String, Set<String>> secrets = SettingsCatalog.channelSecrets();
    assertTrue(secrets.keySet().containsAll(Set.of("slack", "github", "discord", "widget", "x")), secrets::toString);
    secrets.forEach((channel, names) -> {
      assertFalse(names.isEmpty(), channel + ": no secret lookup found in its adapter");
      assertTrue(names.stream().allMatch(n -> n.matches("[a-z]+(-[a-z]+)*")), () -> channel + ": " + names);
    });
    assertTrue(secrets.get("github").contains("webhook-secret"), secrets::toString);
    assertTrue(secrets.get("widget").containsAll(Set.of("api-key", "signing-secret", "allowed-origins")), secrets::toString);
  }

  @Test
  void everyVariableReadOutsideTheSettingsTypesIsDescribed() {
    Set<String> settings = settingVariables();
    Set<String> outside = new TreeSet<>(SettingsCatalog.scannedVariables(SettingsCatalog.MODULES));
    outside.addAll(templateVariables());
    outside.removeAll(settings);
    Set<String> described = ConfigurationDocs.OTHERS.stream().map(ConfigurationDocs.Other::name).collect(Collectors.toSet());
    assertEquals(Set.of(), difference(outside, described),
        "read by the code or set by the template, but not in ConfigurationDocs.OTHERS");
    String code = allMainSources();
    for (ConfigurationDocs.Other o : ConfigurationDocs.OTHERS) {
      assertTrue(o.platform() || outside.contains(o.name()) || code.contains("\"" + o.name() + "\""),
          () -> o.name() + " is described in ConfigurationDocs.OTHERS but nothing reads it");
    }
  }

  /** README.md and docs: every upper-case name with an underscore in backticks is something that exists. */
  @Test
  void theDocsNameOnlyVariablesThatExist() throws IOException {
    Set<String> known = new TreeSet<>(settingVariables());
    known.addAll(templateVariables());
    ConfigurationDocs.OTHERS.forEach(o -> known.add(o.name()));
    known.addAll(NOT_VARIABLES.keySet());
    template.parameters().values().forEach(p -> known.addAll(p.allowedValues()));
    Pattern secret = channelSecretPattern();

    Map<String, Set<String>> unknown = new TreeMap<>();
    for (Path doc : docs()) {
      Matcher m = BACKTICKED.matcher(Files.readString(doc));
      while (m.find()) {
        String name = m.group(1);
        if (name.contains("_") && !known.contains(name) && !secret.matcher(name).matches()) {
          unknown.computeIfAbsent(ROOT.relativize(doc).toString(), k -> new TreeSet<>()).add(name);
        }
      }
    }
    assertEquals(Map.of(), unknown, "names in backticks that no code reads, the template does not set, and that are "
        + "no channel secret (docs/configuration.md lists them all)");
  }

  /** A default quoted in prose, "`theme.min-cohesion`, 0.45" or "`SECRETS_TTL_SECONDS` (300)", is the declared one. */
  @Test
  void theDocsQuoteTheDeclaredDefaults() throws IOException {
    Map<String, String> wrong = new TreeMap<>();
    int quoted = 0;
    for (Path doc : docs()) {
      String text = Files.readString(doc);
      for (Setting s : SettingsCatalog.settings()) {
        // "`x` (300)", "`x`, default 0.5", or "`x`, 0.45)" / "`x`, 30 days": a bare ", N" must end like a value.
        String name = "`(?:" + Pattern.quote(s.key()) + "|" + Pattern.quote(s.variable()) + ")`";
        String number = "([0-9][0-9,]*(?:\\.[0-9]+)?)";
        Pattern quote = Pattern.compile(name + "(?: \\(|, default )" + number + "(?![0-9a-z])(?! ?[KMG]i?B)"
            + "|" + name + ", " + number + "(?=[),;]| (?:days|minutes|seconds)\\b)");
        Matcher m = quote.matcher(text);
        while (m.find()) {
          quoted++;
          String value = m.group(1) != null ? m.group(1) : m.group(2);
          if (!number(value).equals(number(s.defaultValue()))) {
            wrong.put(ROOT.relativize(doc) + ": " + m.group(), s.defaultValue());
          }
        }
      }
    }
    assertTrue(quoted > 5, "the pattern finds the quoted defaults: " + quoted);
    assertEquals(Map.of(), wrong, "defaults quoted in the docs vs the declared ones");
  }

  private static java.math.BigDecimal number(String s) {
    try {
      return new java.math.BigDecimal(s.replace(",", "")).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Test
  void theDocsCheckCatchesAMisnamedSecret() {
    Pattern secret = channelSecretPattern();
    assertTrue(secret.matcher("GITHUB_WEBHOOK_SECRET").matches());
    assertTrue(secret.matcher("ZENDESK_ACME_SIGNING_SECRET_PREVIOUS").matches());
    assertFalse(secret.matcher("GITHUB_SIGNING_SECRET").matches());
    assertFalse(settingVariables().contains("GITHUB_SIGNING_SECRET"));
  }

  /** {CHANNEL}[_{SOURCE}]_{NAME}[_PREVIOUS] for the names each channel's adapter looks up. */
  private static Pattern channelSecretPattern() {
    List<String> alternatives = SettingsCatalog.channelSecrets().entrySet().stream()
        .map(e -> SettingsCatalog.secretVariable(e.getKey(), null, "") + "([A-Z0-9_]+_)?("
            + e.getValue().stream().map(n -> SettingsCatalog.secretVariable("", null, n).substring(1))
                .collect(Collectors.joining("|")) + ")")
        .toList();
    return Pattern.compile("(" + String.join("|", alternatives) + ")(_PREVIOUS)?");
  }

  private static Set<String> settingVariables() {
    return SettingsCatalog.settings().stream().map(Setting::variable).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> templateVariables() {
    Set<String> out = new TreeSet<>();
    template.functions().values().forEach(fn -> out.addAll(fn.environment().keySet()));
    return out;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  /** The part of the page under a "## title" heading. */
  private static String section(String title) {
    int start = page.indexOf("\n## " + title + "\n");
    assertTrue(start >= 0, () -> "docs/configuration.md has no section " + title);
    int end = page.indexOf("\n## ", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  /** Table rows of a section by their first cell (without backticks), with every cell. */
  private static Map<String, List<String>> rows(String section) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : section.split("\n")) {
      if (ROW.matcher(line).find()) {
        List<String> cells = Stream.of(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|"))
            .map(String::strip).toList();
        out.put(cells.get(0).replace("`", ""), cells);
      }
    }
    return out;
  }

  private static List<Path> docs() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      return Stream.concat(Stream.of(ROOT.resolve("README.md")), files.filter(f -> f.toString().endsWith(".md")).sorted())
          .toList();
    }
  }

  private static String allMainSources() {
    StringBuilder out = new StringBuilder();
    for (String module : List.of("emulator", "functions/feedback", "functions/ingest", "functions/analyze",
        "functions/digest", "local")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
          try {
            out.append(Files.readString(f));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }
}
