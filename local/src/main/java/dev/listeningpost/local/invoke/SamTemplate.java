package dev.listeningpost.local.invoke;

import dev.listeningpost.http.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parts of {@code template.yaml} a local runner needs: functions (with Globals), parameters, HTTP routes. */
public final class SamTemplate {
  private final Map<String, Object> parameters;
  private final Map<String, Object> globalFunction;
  private final Map<String, Object> resources;

  private SamTemplate(Map<String, Object> doc) {
    this.parameters = map(doc.get("Parameters"));
    this.globalFunction = map(map(doc.get("Globals")).get("Function"));
    this.resources = map(doc.get("Resources"));
  }

  public static SamTemplate load(Path file) throws IOException {
    return new SamTemplate(CfnYaml.load(file));
  }

  public static SamTemplate read(java.io.Reader in) {
    return new SamTemplate(CfnYaml.load(in));
  }

  /** The serverless functions by logical id, sorted. */
  public Map<String, FunctionSpec> functions() {
    Map<String, FunctionSpec> out = new TreeMap<>();
    resources.forEach((id, raw) -> {
      Map<String, Object> resource = map(raw);
      if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
        return;
      }
      Map<String, Object> props = map(resource.get("Properties"));
      // Globals first, the function's own variables on top: how SAM merges Environment.
      Map<String, Object> env = new LinkedHashMap<>(variables(globalFunction));
      env.putAll(variables(props));
      out.put(id, new FunctionSpec(id, String.valueOf(props.get("Handler")), String.valueOf(props.get("CodeUri")),
          number(props, "MemorySize", 128), number(props, "Timeout", 3), env));
    });
    return out;
  }

  /** Each parameter's Default, as a string (lists joined by commas); parameters without one are absent. */
  public Map<String, String> parameterDefaults() {
    Map<String, String> out = new LinkedHashMap<>();
    parameters.forEach((name, raw) -> {
      Object d = map(raw).get("Default");
      if (d != null) {
        out.put(name, d instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(d));
      }
    });
    return out;
  }

  /**
   * A template parameter as declared.
   *
   * @param defaultValue its Default as a string (lists joined by commas), null when it has none
   */
  public record Parameter(String name, String type, String defaultValue, String description, List<String> allowedValues) {
  }

  /** The parameters in template order. */
  public Map<String, Parameter> parameters() {
    Map<String, String> defaults = parameterDefaults();
    Map<String, Parameter> out = new LinkedHashMap<>();
    parameters.forEach((name, raw) -> {
      Map<String, Object> p = map(raw);
      List<String> allowed = p.get("AllowedValues") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
      out.put(name, new Parameter(name, String.valueOf(p.get("Type")), defaults.get(name),
          String.valueOf(p.getOrDefault("Description", "")).strip(), allowed));
    });
    return out;
  }

  /** Logical ids of resources of a type, e.g. {@code AWS::DynamoDB::Table}. */
  List<String> resourcesOfType(String type) {
    return resources.entrySet().stream().filter(e -> type.equals(map(e.getValue()).get("Type"))).map(Map.Entry::getKey)
        .sorted().toList();
  }

  /** Every {@code HttpApi} event of every function, in template order: {@code method path -> logical id}. */
  public List<Route> httpRoutes() {
    List<Route> out = new ArrayList<>();
    resources.forEach((id, raw) -> {
      Map<String, Object> resource = map(raw);
      if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
        return;
      }
      map(map(resource.get("Properties")).get("Events")).values().forEach(ev -> {
        Map<String, Object> event = map(ev);
        if ("HttpApi".equals(event.get("Type"))) {
          Map<String, Object> p = map(event.get("Properties"));
          out.add(new Route(String.valueOf(p.getOrDefault("Method", "ANY")), String.valueOf(p.get("Path")), id));
        }
      });
    });
    return out;
  }

  /**
   * Every schedule event ({@code ScheduleV2}, and {@code Schedule} rules) of every function, with
   * {@code !Ref}s to parameters resolved against {@code parameters}; disabled schedules are left out.
   */
  public List<FunctionSchedule> schedules(Map<String, String> parameters) {
    List<FunctionSchedule> out = new ArrayList<>();
    functionResources().forEach((id, props) -> map(props.get("Events")).forEach((name, ev) -> {
      Map<String, Object> event = map(ev);
      Map<String, Object> p = map(event.get("Properties"));
      boolean v2 = "ScheduleV2".equals(event.get("Type"));
      if (!v2 && !"Schedule".equals(event.get("Type"))) {
        return;
      }
      if ("DISABLED".equals(p.get("State")) || Boolean.FALSE.equals(p.get("Enabled"))) {
        return;
      }
      String expression = FunctionEnvironment.value(p.get(v2 ? "ScheduleExpression" : "Schedule"), parameters, Map.of());
      Object tz = p.get("ScheduleExpressionTimezone");
      String zone = tz == null ? "UTC" : FunctionEnvironment.value(tz, parameters, Map.of());
      Object input = p.get("Input");
      out.add(new FunctionSchedule(id, name, expression, zone.isBlank() ? "UTC" : zone,
          input == null ? "{}" : String.valueOf(input)));
    }));
    return out;
  }

  private Map<String, Map<String, Object>> functionResources() {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    resources.forEach((id, raw) -> {
      Map<String, Object> resource = map(raw);
      if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
        out.put(id, map(resource.get("Properties")));
      }
    });
    return out;
  }

  private int number(Map<String, Object> props, String key, int fallback) {
    Object v = props.getOrDefault(key, globalFunction.get(key));
    return v instanceof Number n ? n.intValue() : v == null ? fallback : Integer.parseInt(String.valueOf(v));
  }

  private static Map<String, Object> variables(Map<String, Object> props) {
    return map(map(props.get("Environment")).get("Variables"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
