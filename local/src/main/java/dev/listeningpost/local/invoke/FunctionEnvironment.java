package dev.listeningpost.local.invoke;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a function gets, layered as {@code sam local invoke} layers it, lowest first:
 * <ol>
 *   <li>the template's variables (Globals, then the function's), {@code !Ref} resolved to parameter
 *       values or to the local name of a resource (the local tables);</li>
 *   <li>local stand-ins for AWS services the function's template values point at (e.g. secrets from
 *       this process's environment instead of SSM);</li>
 *   <li>this process's environment, for variables the template declares;</li>
 *   <li>the {@code --env-vars} file, for variables the template declares.</li>
 * </ol>
 * Variables the template does not declare are never taken from the shell or the file: in Lambda
 * they would not exist either.
 */
public final class FunctionEnvironment {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9:]+)}");
  private FunctionEnvironment() {
  }

  public static Map<String, String> resolve(FunctionSpec fn, Map<String, String> parameters, Map<String, String> resourceNames,
                                     Map<String, String> localStandIns, Map<String, String> processEnv,
                                     EnvVarsFile file) {
    Map<String, String> out = new LinkedHashMap<>();
    fn.environment().forEach((name, raw) -> out.put(name, value(raw, parameters, resourceNames)));
    Set<String> declared = fn.environment().keySet();
    localStandIns.forEach((k, v) -> {
      if (declared.contains(k)) {
        out.put(k, v);
      }
    });
    for (String name : declared) {
      if (processEnv.containsKey(name)) {
        out.put(name, processEnv.get(name));
      }
    }
    file.forFunction(fn.logicalId()).forEach((k, v) -> {
      if (declared.contains(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** A template value as a string: scalars as written, {@code Ref} resolved, lists joined by commas. */
  static String value(Object raw, Map<String, String> parameters, Map<String, String> resourceNames) {
    if (raw instanceof Map<?, ?> m && m.containsKey("Ref")) {
      String ref = String.valueOf(m.get("Ref"));
      if (parameters.containsKey(ref)) {
        return parameters.get(ref);
      }
      // SAM resolves a Ref to a resource it does not create to the logical id; the local stack
      // names its tables, so those resolve to the names the local tables really have.
      return resourceNames.getOrDefault(ref, ref);
    }
    if (raw instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String sub) {
      // ${Name} placeholders resolved as a Ref is (e.g. the log level in JAVA_TOOL_OPTIONS).
      Matcher placeholder = PLACEHOLDER.matcher(sub);
      StringBuilder out = new StringBuilder();
      while (placeholder.find()) {
        placeholder.appendReplacement(out, Matcher.quoteReplacement(
            value(Map.of("Ref", placeholder.group(1)), parameters, resourceNames)));
      }
      placeholder.appendTail(out);
      return out.toString();
    }
    if (raw instanceof List<?> l) {
      return String.join(",", l.stream().map(v -> value(v, parameters, resourceNames)).toList());
    }
    if (raw instanceof Map<?, ?>) {
      throw new IllegalArgumentException("unsupported intrinsic in an environment variable: " + raw);
    }
    return raw == null ? "" : String.valueOf(raw);
  }
}
