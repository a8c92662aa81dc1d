package dev.listeningpost.local.template;

import static dev.listeningpost.local.template.CfnValues.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM side of template.yaml, per function: what its execution role allows, and what the Lambda
 * service itself does with that role for the function's event sources.
 *
 * <p>Allowed: the statements of its {@code Policies} (inline policy documents, and SAM policy
 * templates expanded from their definitions in {@code sam-policy-templates.json}), plus what SAM
 * adds for event sources: the managed AWSLambdaDynamoDBExecutionRole (stream reads on any stream)
 * for a {@code DynamoDB} event, AWSLambdaSQSQueueExecutionRole for an {@code SQS} event, and send
 * or publish on an {@code OnFailure} destination whose {@code Type} is SQS or SNS.
 *
 * <p>Needed by the platform: reading the stream of a {@code DynamoDB} event, and sending failed
 * batches to its {@code OnFailure} destination.
 */
final class TemplateIam {
  private static final List<String> STREAM_READS = List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
      "dynamodb:GetShardIterator", "dynamodb:ListStreams");
  private static final List<String> QUEUE_POLLS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
      "sqs:GetQueueAttributes");

  private final Map<String, Object> resources;
  private final CfnValues values;
  private final Map<String, Object> policyTemplates;

  TemplateIam(Map<String, Object> template, CfnValues values) {
    this.resources = map(template.get("Resources"));
    this.values = values;
    this.policyTemplates = loadPolicyTemplates();
  }

  /** The logical ids of the serverless functions. */
  List<String> functions() {
    return resources.entrySet().stream().filter(e -> "AWS::Serverless::Function".equals(map(e.getValue()).get("Type")))
        .map(Map.Entry::getKey).sorted().toList();
  }

  /** What the function's execution role allows. */
  List<IamStatement> statements(String function) {
    List<IamStatement> out = new ArrayList<>();
    Object policies = properties(function).get("Policies");
    List<?> entries = policies == null ? List.of() : policies instanceof List<?> l ? l : List.of(policies);
    for (int i = 0; i < entries.size(); i++) {
      out.addAll(policyEntry(function + ".Policies[" + i + "]", entries.get(i)));
    }
    events(function).forEach((name, event) -> out.addAll(eventGrants(function + ".Events." + name, event)));
    return out;
  }

  /** What the Lambda service does with the function's role for its event sources. */
  List<IamRequest> platformRequests(String function) {
    List<IamRequest> out = new ArrayList<>();
    events(function).forEach((name, event) -> {
      Map<String, Object> p = map(event.get("Properties"));
      String cause = "the " + event.get("Type") + " event " + name;
      if ("DynamoDB".equals(event.get("Type"))) {
        String stream = values.string(p.get("Stream"));
        STREAM_READS.forEach(a -> out.add(new IamRequest(a, stream, cause)));
      }
      Object destination = map(map(p.get("DestinationConfig")).get("OnFailure")).get("Destination");
      if (destination != null) {
        String arn = values.string(destination);
        out.add(new IamRequest(arn.startsWith("arn:aws:sns:") ? "sns:Publish" : "sqs:SendMessage", arn,
            cause + " (OnFailure destination)"));
      }
    });
    return out;
  }

  private List<IamStatement> policyEntry(String origin, Object entry) {
    if (entry instanceof Map<?, ?> m && m.containsKey("Statement")) {
      return document(origin, map(m), Map.of());
    }
    if (entry instanceof Map<?, ?> m && m.size() == 1 && !CfnValues.isIntrinsic(m)) {
      String name = String.valueOf(m.keySet().iterator().next());
      Map<String, Object> template = map(policyTemplates.get(name));
      if (template.isEmpty()) {
        throw new IllegalArgumentException(origin + ": SAM policy template " + name + " is not in "
            + "sam-policy-templates.json; copy its entry from SAM's policy_templates.json");
      }
      Map<String, Object> arguments = map(m.values().iterator().next());
      for (String parameter : map(template.get("Parameters")).keySet()) {
        if (!arguments.containsKey(parameter)) {
          throw new IllegalArgumentException(origin + ": " + name + " needs " + parameter);
        }
      }
      return document(origin + " " + name, map(template.get("Definition")), arguments);
    }
    // A managed policy's statements are not in the template, so nothing could be checked against it.
    throw new IllegalArgumentException(origin + ": unsupported Policies entry " + entry
        + " (use an inline statement or a SAM policy template)");
  }

  private List<IamStatement> document(String origin, Map<String, Object> document, Map<String, Object> locals) {
    Object raw = document.get("Statement");
    List<?> statements = raw instanceof List<?> l ? l : List.of(raw);
    List<IamStatement> out = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      Map<String, Object> s = map(statements.get(i));
      if (s.containsKey("NotAction") || s.containsKey("NotResource")) {
        throw new IllegalArgumentException(origin + ": NotAction and NotResource are not supported by the check");
      }
      String sid = s.containsKey("Sid") ? " " + s.get("Sid") : "[" + i + "]";
      Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
      map(s.get("Condition")).forEach((operator, keys) -> {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        map(keys).forEach((key, v) -> byKey.put(key, resolvedAll(v, locals)));
        conditions.put(operator, byKey);
      });
      out.add(new IamStatement(origin + sid, "Allow".equals(s.get("Effect")), resolvedAll(s.get("Action"), locals),
          resolvedAll(s.get("Resource"), locals), conditions));
    }
    return out;
  }

  private List<IamStatement> eventGrants(String origin, Map<String, Object> event) {
    List<IamStatement> out = new ArrayList<>();
    Object type = event.get("Type");
    if ("DynamoDB".equals(type)) {
      out.add(new IamStatement(origin + " (SAM: AWSLambdaDynamoDBExecutionRole)", true, STREAM_READS, List.of("*"), Map.of()));
    } else if ("SQS".equals(type)) {
      out.add(new IamStatement(origin + " (SAM: AWSLambdaSQSQueueExecutionRole)", true, QUEUE_POLLS, List.of("*"), Map.of()));
    }
    Map<String, Object> onFailure = map(map(map(event.get("Properties")).get("DestinationConfig")).get("OnFailure"));
    Object destinationType = onFailure.get("Type");
    if ("SQS".equals(destinationType) || "SNS".equals(destinationType)) {
      String action = "SQS".equals(destinationType) ? "sqs:SendMessage" : "sns:Publish";
      out.add(new IamStatement(origin + " (SAM: OnFailure destination of Type " + destinationType + ")", true,
          List.of(action), List.of(values.string(onFailure.get("Destination"))), Map.of()));
    }
    return out;
  }

  private List<String> resolvedAll(Object value, Map<String, Object> locals) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      l.forEach(v -> out.addAll(resolvedAll(v, locals)));
      return out;
    }
    return List.of(values.string(value, locals));
  }

  private Map<String, Map<String, Object>> events(String function) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    map(properties(function).get("Events")).forEach((name, e) -> out.put(name, map(e)));
    return out;
  }

  private Map<String, Object> properties(String function) {
    Map<String, Object> resource = map(resources.get(function));
    if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
      throw new IllegalArgumentException("no function " + function);
    }
    return map(resource.get("Properties"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> loadPolicyTemplates() {
    try (InputStream in = TemplateIam.class.getResourceAsStream("sam-policy-templates.json")) {
      return (Map<String, Object>) new ObjectMapper().readValue(in, Map.class).get("Templates");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
