package dev.listeningpost.local.template;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IAM actions and resources an AWS call needs (the Service Authorization Reference's mapping of
 * API operations to actions and resource ARNs): DynamoDB tables and indexes (batch and transaction
 * requests per table and item), streams, SSM parameters, the SES identity of the From address, SQS
 * queues and SNS topics. A call of any other service, or without a resource field, needs its action
 * on {@code *}, so an unforeseen call shows up as missing rather than passing unnoticed.
 */
final class IamActions {
  /** Transaction items: the member holding the table, and the action IAM evaluates for it. */
  private static final Map<String, String> TRANSACT_ITEM_ACTIONS = Map.of(
      "Put", "PutItem", "Update", "UpdateItem", "Delete", "DeleteItem", "ConditionCheck", "ConditionCheckItem",
      "Get", "GetItem");

  /** SQS batch operations are authorized as their single-message action. */
  private static final Set<String> SQS_BATCHES = Set.of("SendMessageBatch", "DeleteMessageBatch",
      "ChangeMessageVisibilityBatch");

  private IamActions() {
  }

  static List<IamRequest> of(AwsCall call, String account) {
    String arnPrefix = "arn:aws:" + call.service() + ":" + call.region() + ":" + account + ":";
    String cause = call.toString();
    return switch (call.service()) {
      case "dynamodb" -> dynamodb(call, arnPrefix, cause);
      case "ssm" -> ssm(call, arnPrefix, cause);
      case "ses" -> ses(call, arnPrefix, cause);
      case "sqs" -> sqs(call, account, cause);
      case "sns" -> List.of(new IamRequest("sns:" + (call.operation().equals("PublishBatch") ? "Publish" : call.operation()),
          orAny(call.text("TopicArn")), cause));
      case "kms" -> List.of(new IamRequest("kms:" + call.operation(), kmsKey(call.text("KeyId"), arnPrefix), cause));
      default -> List.of(new IamRequest(call.service() + ":" + call.operation(), "*", cause));
    };
  }

  private static List<IamRequest> dynamodb(AwsCall call, String arnPrefix, String cause) {
    String op = call.operation();
    List<IamRequest> out = new ArrayList<>();
    if (call.text("StreamArn") != null) {
      out.add(new IamRequest("dynamodb:" + op, call.text("StreamArn"), cause));
    } else if (call.text("TableName") != null) {
      String table = arnPrefix + "table/" + call.text("TableName");
      String index = call.text("IndexName");
      out.add(new IamRequest("dynamodb:" + op, index == null ? table : table + "/index/" + index, cause));
    } else if (!call.map("RequestItems").isEmpty()) {
      call.map("RequestItems").keySet().forEach(t -> out.add(new IamRequest("dynamodb:" + op, arnPrefix + "table/" + t, cause)));
    } else if (!call.list("TransactItems").isEmpty()) {
      for (Object item : call.list("TransactItems")) {
        ((Map<?, ?>) item).forEach((kind, body) -> {
          String action = TRANSACT_ITEM_ACTIONS.get(String.valueOf(kind));
          Object table = body instanceof Map<?, ?> b ? b.get("TableName") : null;
          if (action != null && table != null) {
            out.add(new IamRequest("dynamodb:" + action, arnPrefix + "table/" + table, cause));
          }
        });
      }
    }
    if (out.isEmpty()) {
      out.add(new IamRequest("dynamodb:" + op, "*", cause));
    }
    return out;
  }

  /** Parameter ARNs: {@code parameter/name} for {@code name}, {@code parameter/a/b} for {@code /a/b}. */
  private static List<IamRequest> ssm(AwsCall call, String arnPrefix, String cause) {
    List<String> names = new ArrayList<>();
    call.list("Names").forEach(n -> names.add(String.valueOf(n)));
    for (String single : List.of("Name", "Path")) {
      if (call.text(single) != null) {
        names.add(call.text(single));
      }
    }
    if (names.isEmpty()) {
      return List.of(new IamRequest("ssm:" + call.operation(), "*", cause));
    }
    return names.stream().map(n -> new IamRequest("ssm:" + call.operation(),
        arnPrefix + "parameter" + (n.startsWith("/") ? n : "/" + n), cause + " " + n)).toList();
  }

  /**
   * Sending needs the action on the From address's identity, with the address as
   * {@code ses:FromAddress}. SES may authorize against the address's domain identity instead; this
   * takes the address itself, so a policy naming only the domain identity is reported.
   */
  private static List<IamRequest> ses(AwsCall call, String arnPrefix, String cause) {
    String from = call.text("FromEmailAddress") != null ? call.text("FromEmailAddress") : call.text("Source");
    if (from == null) {
      return List.of(new IamRequest("ses:" + call.operation(), "*", cause));
    }
    String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from.strip();
    String identity = call.text("FromEmailAddressIdentityArn") != null ? call.text("FromEmailAddressIdentityArn")
        : arnPrefix + "identity/" + address;
    return List.of(new IamRequest("ses:" + call.operation(), identity, Map.of("ses:FromAddress", address),
        cause + " from " + address));
  }

  /** A queue URL {@code https://sqs.<region>.amazonaws.com/<account>/<name>} names the queue ARN. */
  private static List<IamRequest> sqs(AwsCall call, String account, String cause) {
    String op = SQS_BATCHES.contains(call.operation()) ? call.operation().replace("Batch", "") : call.operation();
    String url = call.text("QueueUrl");
    if (url == null) {
      return List.of(new IamRequest("sqs:" + op, "*", cause));
    }
    String[] path = URI.create(url).getPath().split("/");
    String queueAccount = path.length >= 3 ? path[path.length - 2] : account;
    return List.of(new IamRequest("sqs:" + op,
        "arn:aws:sqs:" + call.region() + ":" + queueAccount + ":" + path[path.length - 1], cause));
  }

  private static String kmsKey(String keyId, String arnPrefix) {
    if (keyId == null) {
      return "*";
    }
    return keyId.startsWith("arn:") ? keyId : arnPrefix + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
  }

  private static String orAny(String arn) {
    return arn == null ? "*" : arn;
  }
}
