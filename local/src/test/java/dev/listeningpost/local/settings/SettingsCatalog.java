package dev.listeningpost.local.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.ingest.ChannelAdapter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the functions read from their environment, found from the code rather than listed by hand:
 * <ul>
 *   <li>settings: the {@code @ConfigurationProperties} records, from the
 *       {@code META-INF/spring-configuration-metadata.json} Micronaut's annotation processor writes for each
 *       module (key, type, default, Javadoc), and which modules' beans inject each record (from the bean
 *       definitions), so a setting is attributed to the functions that use it;</li>
 *   <li>other variables: {@code ${...}} placeholders, {@code @Requires(property = ...)} and
 *       {@code System.getenv("X")} in the sources;</li>
 *   <li>channel secrets: the secret names each channel adapter looks up.</li>
 * </ul>
 */
public final class SettingsCatalog {
  public static final Path ROOT = Path.of(System.getProperty("lp.root", "..")).toAbsolutePath().normalize();
  /** Modules whose code runs in the functions, in docs order; functions/feedback is in every function. */
  public static final List<String> MODULES = List.of("functions/feedback", "functions/ingest", "functions/analyze",
      "functions/digest");
  private static final String METADATA = "META-INF/spring-configuration-metadata.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.-]+)(:[^}]*)?}");
  private static final Pattern REQUIRES = Pattern.compile("@Requires\\(property\\s*=\\s*\"([a-z0-9.-]+)\"");
  private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\"([A-Z0-9_]+)\"\\)");
  private static final String NAME = "(\\w+|\"[^\"]+\")";
  /** How adapters look a secret up: ChannelContext.secret, Signatures.requireSecrets / requireBodySignature. */
  private static final List<Pattern> SECRET_LOOKUPS = List.of(
      Pattern.compile("ctx\\.secret\\(\\s*" + NAME + "\\s*\\)"),
      Pattern.compile("requireSecrets\\(\\s*ctx\\s*,\\s*" + NAME + "\\s*\\)"),
      Pattern.compile("requireBodySignature\\(\\s*request\\s*,\\s*ctx\\s*,\\s*\"[^\"]*\"\\s*,\\s*" + NAME));
  private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"\\s*;");

  private static List<Setting> settings;
  private static Map<String, Set<String>> readers;
  private static Map<String, Set<String>> channelSecrets;

  private SettingsCatalog() {
  }

  /**
   * One setting as its metadata describes it.
   *
   * @param key          property key, e.g. {@code theme.min-cohesion}
   * @param sourceType   the record that binds it, e.g. {@code dev.listeningpost.analyze.wiring.AnalyzeProperties$Theme}
   * @param defaultValue the declared default, as written in {@code @Bindable(defaultValue = ...)}
   */
  public record Setting(String key, String type, String defaultValue, String description, String sourceType) {

    /** The environment variable Micronaut binds to the key: upper case, {@code .} and {@code -} as {@code _}. */
    public String variable() {
      return SettingsCatalog.variable(key);
    }

    /** The settings type's area: {@code StorageProperties$FeedbackTable} is Storage. */
    public String area() {
      String holder = sourceType.substring(sourceType.lastIndexOf('.') + 1).split("\\$")[0];
      return holder.replaceFirst("Properties$", "");
    }

    /** The module that declares it, e.g. {@code functions/analyze}. */
    public String module() {
      return moduleOf(sourceType);
    }
  }

  /** The environment variable of a property key. */
  public static String variable(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
  }

  /** Every setting of the functions, ordered by module, then as declared. */
  public static synchronized List<Setting> settings() {
    if (settings == null) {
      List<Setting> out = new ArrayList<>();
      ObjectMapper json = new ObjectMapper();
      try {
        for (URL url : Collections.list(SettingsCatalog.class.getClassLoader().getResources(METADATA))) {
          try (InputStream in = url.openStream()) {
            for (JsonNode p : json.readTree(in).path("properties")) {
              String source = p.path("sourceType").asText();
              if (source.startsWith("dev.listeningpost.")) {
                out.add(new Setting(p.path("name").asText(), p.path("type").asText(),
                    p.hasNonNull("defaultValue") ? p.path("defaultValue").asText() : null,
                    p.path("description").asText("").replaceAll("\\s+", " ").strip(), source));
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.sort((a, b) -> Integer.compare(MODULES.indexOf(a.module()), MODULES.indexOf(b.module())));
      settings = List.copyOf(out);
    }
    return settings;
  }

  /** The modules whose beans inject the record that binds this setting. */
  public static Set<String> readers(Setting setting) {
    return readers().getOrDefault(setting.sourceType(), Set.of());
  }

  /** For each settings record, the modules whose beans inject it. */
  public static synchronized Map<String, Set<String>> readers() {
    if (readers == null) {
      Set<String> types = new LinkedHashSet<>();
      settings().forEach(s -> types.add(s.sourceType()));
      Map<String, Set<String>> out = new HashMap<>();
      try (ApplicationContext ctx = context()) {
        for (BeanDefinition<?> d : ctx.getAllBeanDefinitions()) {
          String module = moduleOf(d.getClass().getName());
          if (module == null || types.contains(d.getBeanType().getName())) {
            continue;
          }
          for (Class<?> required : d.getRequiredComponents()) {
            if (types.contains(required.getName())) {
              out.computeIfAbsent(required.getName(), k -> new TreeSet<>(
                  (x, y) -> Integer.compare(MODULES.indexOf(x), MODULES.indexOf(y)))).add(module);
            }
          }
        }
      }
      readers = Map.copyOf(out);
    }
    return readers;
  }

  /** Variables the Java sources of these modules read besides settings types. */
  public static Set<String> scannedVariables(List<String> modules) {
    Set<String> out = new TreeSet<>();
    for (String module : modules) {
      sources(ROOT.resolve(module).resolve("src/main/java")).forEach(code -> {
        for (Pattern p : List.of(PLACEHOLDER, REQUIRES)) {
          Matcher m = p.matcher(code);
          while (m.find()) {
            out.add(variable(m.group(1)));
          }
        }
        Matcher env = GETENV.matcher(code);
        while (env.find()) {
          out.add(env.group(1));
        }
      });
    }
    return out;
  }

  /**
   * The variables the functions built from a CodeUri module read: the settings whose records are injected by
   * beans of that module or of functions/feedback (in every function), and the scanned ones.
   */
  public static Set<String> variablesRead(String codeUri) {
    List<String> modules = List.of(codeUri, "functions/feedback");
    Set<String> out = new TreeSet<>(scannedVariables(modules));
    for (Setting s : settings()) {
      if (readers(s).stream().anyMatch(modules::contains)) {
        out.add(s.variable());
      }
    }
    return out;
  }

  /** Each channel (its path segment) with the secret names its adapter looks up, e.g. slack: signing-secret. */
  public static synchronized Map<String, Set<String>> channelSecrets() {
    if (channelSecrets == null) {
      Map<String, Set<String>> out = new TreeMap<>();
      try (ApplicationContext ctx = context()) {
        for (ChannelAdapter adapter : ctx.getBeansOfType(ChannelAdapter.class)) {
          Path dir = ROOT.resolve("functions/ingest/src/main/java")
              .resolve(adapter.getClass().getPackageName().replace('.', '/'));
          Set<String> names = new TreeSet<>();
          sources(dir).forEach(code -> names.addAll(secretNames(code)));
          out.put(adapter.channel(), names);
        }
      }
      channelSecrets = Collections.unmodifiableMap(out);
    }
    return channelSecrets;
  }

  /** The environment variable of a channel's secret: {@code SLACK_SIGNING_SECRET}, with a source {@code SLACK_ACME_...}. */
  public static String secretVariable(String channel, String source, String name) {
    return dev.listeningpost.ingest.secrets.EnvironmentSecretResolver.variable(channel, source, name);
  }

  static Set<String> secretNames(String code) {
    Map<String, String> constants = new HashMap<>();
    Matcher c = CONSTANT.matcher(code);
    while (c.find()) {
      constants.put(c.group(1), c.group(2));
    }
    Set<String> out = new TreeSet<>();
    for (Pattern p : SECRET_LOOKUPS) {
      Matcher m = p.matcher(code);
      while (m.find()) {
        String name = m.group(1);
        out.add(name.startsWith("\"") ? name.substring(1, name.length() - 1) : constants.getOrDefault(name, "?" + name));
      }
    }
    return out;
  }

  private static String moduleOf(String className) {
    String[] parts = className.split("\\.");
    if (parts.length < 3 || !parts[0].equals("dev") || !parts[1].equals("listeningpost")) {
      return null;
    }
    String module = "functions/" + parts[2];
    return MODULES.contains(module) ? module : null;
  }

  private static ApplicationContext context() {
    return ApplicationContext.builder().deduceEnvironment(false).environmentPropertySource(false)
        .properties(Map.of("dynamodb.endpoint", "http://127.0.0.1:9")).start();
  }

  private static List<String> sources(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().map(SettingsCatalog::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Settings by area, in docs order. */
  public static Map<String, List<Setting>> byArea() {
    Map<String, List<Setting>> out = new LinkedHashMap<>();
    settings().forEach(s -> out.computeIfAbsent(s.area(), k -> new ArrayList<>()).add(s));
    return out;
  }
}
