package dev.listeningpost.local.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SAM's {@code --env-vars} file: {@code {"LogicalId": {"VAR": "value"}, "Parameters": {"VAR": "value"}}}.
 * As in SAM, the {@code Parameters} object holds variables for every function and a function's own
 * object wins over it; only variables the template declares for the function are applied.
 */
public record EnvVarsFile(Map<String, Map<String, String>> byFunction, Map<String, String> allFunctions) {
  public static final EnvVarsFile NONE = new EnvVarsFile(Map.of(), Map.of());

  public static EnvVarsFile read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + " is not a JSON object like {\"IngestFunction\": {\"VAR\": \"value\"}}");
    }
    Map<String, Map<String, String>> byFunction = new LinkedHashMap<>();
    Map<String, String> all = Map.of();
    var fields = root.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      if (e.getKey().equals("Parameters")) {
        all = strings(e.getValue());
      } else {
        byFunction.put(e.getKey(), strings(e.getValue()));
      }
    }
    return new EnvVarsFile(byFunction, all);
  }

  /**
   * What the file sets for one function: Parameters, then the function's own object on top. The
   * same file serves {@code sam local invoke}, whose containers reach the host as
   * {@code host.docker.internal}; here the function runs on the host, so that name means localhost.
   */
  Map<String, String> forFunction(String logicalId) {
    Map<String, String> out = new LinkedHashMap<>(allFunctions);
    out.putAll(byFunction.getOrDefault(logicalId, Map.of()));
    out.replaceAll((k, v) -> v.replace("host.docker.internal", "localhost"));
    return out;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
        : e.getValue().toString()));
    return out;
  }
}
