package dev.listeningpost.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsics of a template as one deployment of it would: {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::If} (with the template's Conditions),
 * {@code Fn::Join}, {@code Fn::Select}, against given parameter values, pseudo parameters and the
 * physical names of the resources. A resource's Ref and attributes follow CloudFormation's
 * documented return values for its type; an unsupported intrinsic or attribute is an error, so the
 * policy check never guesses.
 */
final class CfnValues {
  static final String PARTITION = "aws";
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
  /** A representative stream label: a table's StreamArn ends in /stream/{label}. */
  static final String STREAM_LABEL = "2026-01-01T00:00:00.000";

  private final String region;
  private final String account;
  private final Map<String, String> parameters;
  private final Map<String, Object> resources;
  private final Map<String, Object> conditions;
  private final Map<String, String> physicalNames;

  /**
   * @param parameters every parameter's value (defaults included)
   * @param physicalNames the name of each named resource (tables, queues, topics); others are named by their logical id
   */
  CfnValues(Map<String, Object> template, String region, String account, Map<String, String> parameters,
            Map<String, String> physicalNames) {
    this.region = region;
    this.account = account;
    this.parameters = parameters;
    this.resources = map(template.get("Resources"));
    this.conditions = map(template.get("Conditions"));
    this.physicalNames = physicalNames;
  }

  String region() {
    return region;
  }

  String account() {
    return account;
  }

  /** A template value as a string. */
  String string(Object value) {
    return string(value, Map.of());
  }

  /** Template values as strings: a list's items, or the value alone. */
  List<String> strings(Object value) {
    Object v = value instanceof Map<?, ?> m && isIntrinsic(m) ? evaluate(m, Map.of()) : value;
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      l.forEach(item -> out.addAll(strings(item)));
      return out;
    }
    return v == null ? List.of() : List.of(string(v));
  }

  /**
   * A template value as a string; {@code locals} are extra names for {@code Ref} (a SAM policy
   * template's own parameters).
   */
  String string(Object value, Map<String, Object> locals) {
    Object v = value instanceof Map<?, ?> m && isIntrinsic(m) ? evaluate(m, locals) : value;
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw new IllegalArgumentException("not a string value: " + value);
    }
    return v == null ? "" : String.valueOf(v);
  }

  static boolean isIntrinsic(Map<?, ?> m) {
    return m.size() == 1 && (m.containsKey("Ref") || m.containsKey("Condition")
        || String.valueOf(m.keySet().iterator().next()).startsWith("Fn::"));
  }

  private Object evaluate(Map<?, ?> m, Map<String, Object> locals) {
    var e = m.entrySet().iterator().next();
    String fn = String.valueOf(e.getKey());
    Object arg = e.getValue();
    return switch (fn) {
      case "Ref" -> ref(String.valueOf(arg), locals);
      case "Fn::GetAtt" -> getAtt(arg);
      case "Fn::Sub" -> sub(arg, locals);
      case "Fn::If" -> {
        List<?> a = (List<?>) arg;
        Object chosen = condition(String.valueOf(a.get(0))) ? a.get(1) : a.get(2);
        yield chosen instanceof Map<?, ?> cm && isIntrinsic(cm) ? evaluate(cm, locals) : chosen;
      }
      case "Fn::Join" -> {
        List<?> a = (List<?>) arg;
        List<String> parts = new ArrayList<>();
        for (Object p : (List<?>) a.get(1)) {
          parts.addAll(strings(p));
        }
        yield String.join(String.valueOf(a.get(0)), parts);
      }
      case "Fn::Select" -> {
        List<?> a = (List<?>) arg;
        yield strings(a.get(1)).get(Integer.parseInt(string(a.get(0))));
      }
      default -> throw new IllegalArgumentException("unsupported intrinsic " + fn + ": " + m);
    };
  }

  private Object ref(String name, Map<String, Object> locals) {
    if (locals.containsKey(name)) {
      Object v = locals.get(name);
      return v instanceof Map<?, ?> m && isIntrinsic(m) ? evaluate(m, Map.of()) : v;
    }
    switch (name) {
      case "AWS::Partition":
        return PARTITION;
      case "AWS::Region":
        return region;
      case "AWS::AccountId":
        return account;
      case "AWS::URLSuffix":
        return "amazonaws.com";
      case "AWS::StackName":
        return "listening-post";
      default:
        break;
    }
    if (parameters.containsKey(name)) {
      return parameters.get(name);
    }
    String type = type(name);
    return switch (type) {
      case "AWS::SQS::Queue" -> "https://sqs." + region + ".amazonaws.com/" + account + "/" + name(name);
      case "AWS::SNS::Topic" -> arn("sns", name(name));
      default -> name(name);
    };
  }

  private String getAtt(Object arg) {
    String[] ref = arg instanceof List<?> l ? new String[] {String.valueOf(l.get(0)), String.valueOf(l.get(1))}
        : String.valueOf(arg).split("\\.", 2);
    String id = ref[0];
    String attribute = ref[1];
    String type = type(id);
    String name = name(id);
    String value = switch (type + "." + attribute) {
      case "AWS::DynamoDB::Table.Arn" -> arn("dynamodb", "table/" + name);
      case "AWS::DynamoDB::Table.StreamArn" -> arn("dynamodb", "table/" + name + "/stream/" + STREAM_LABEL);
      case "AWS::SQS::Queue.Arn" -> arn("sqs", name);
      case "AWS::SQS::Queue.QueueName" -> name;
      case "AWS::SQS::Queue.QueueUrl" -> "https://sqs." + region + ".amazonaws.com/" + account + "/" + name;
      case "AWS::SNS::Topic.TopicArn" -> arn("sns", name);
      case "AWS::SNS::Topic.TopicName" -> name;
      case "AWS::Logs::LogGroup.Arn" -> arn("logs", "log-group:" + name + ":*");
      case "AWS::Serverless::Function.Arn" -> arn("lambda", "function:" + name);
      default -> null;
    };
    if (value == null) {
      throw new IllegalArgumentException("unsupported Fn::GetAtt " + id + "." + attribute + " (" + type + ")");
    }
    return value;
  }

  private String sub(Object arg, Map<String, Object> locals) {
    String text;
    Map<String, Object> vars = new LinkedHashMap<>(locals);
    if (arg instanceof List<?> l) {
      text = String.valueOf(l.get(0));
      map(l.get(1)).forEach(vars::put);
    } else {
      text = String.valueOf(arg);
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String var = m.group(1);
      String value = var.contains(".") && !var.startsWith("AWS::") ? getAtt(var)
          : vars.containsKey(var) ? string(vars.get(var), locals) : String.valueOf(ref(var, Map.of()));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  boolean condition(String name) {
    if (!conditions.containsKey(name)) {
      throw new IllegalArgumentException("no condition " + name);
    }
    return truth(conditions.get(name));
  }

  private boolean truth(Object expression) {
    Map<?, ?> m = (Map<?, ?>) expression;
    var e = m.entrySet().iterator().next();
    List<?> a = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
    return switch (String.valueOf(e.getKey())) {
      case "Fn::Not" -> !truth(a.get(0));
      case "Fn::And" -> a.stream().allMatch(this::truth);
      case "Fn::Or" -> a.stream().anyMatch(this::truth);
      case "Fn::Equals" -> string(a.get(0)).equals(string(a.get(1)));
      case "Condition" -> condition(String.valueOf(e.getValue()));
      default -> throw new IllegalArgumentException("unsupported condition function " + e.getKey());
    };
  }

  /** The ARN of a resource of a service in this deployment's region and account. */
  String arn(String service, String resource) {
    return "arn:" + PARTITION + ":" + service + ":" + region + ":" + account + ":" + resource;
  }

  private String type(String logicalId) {
    Object resource = resources.get(logicalId);
    if (resource == null) {
      throw new IllegalArgumentException("no parameter or resource named " + logicalId);
    }
    return String.valueOf(map(resource).get("Type"));
  }

  private String name(String logicalId) {
    return physicalNames.getOrDefault(logicalId, logicalId);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
