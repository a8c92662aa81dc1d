package dev.listeningpost.local.template;

import java.util.List;
import java.util.Map;

/**
 * One AWS SDK request as a function made it: the service's IAM prefix ({@code dynamodb}, {@code ssm},
 * {@code ses}, ...), the operation ({@code Query}), the region the client signed for, and the
 * request's fields by their API member names ({@code TableName}, {@code IndexName}, nested
 * structures as maps, lists as lists).
 */
record AwsCall(String service, String operation, String region, Map<String, Object> fields) {

  String text(String field) {
    Object v = fields.get(field);
    return v instanceof String s ? s : null;
  }

  List<?> list(String field) {
    return fields.get(field) instanceof List<?> l ? l : List.of();
  }

  Map<?, ?> map(String field) {
    return fields.get(field) instanceof Map<?, ?> m ? m : Map.of();
  }

  @Override
  public String toString() {
    return service + ":" + operation;
  }
}
