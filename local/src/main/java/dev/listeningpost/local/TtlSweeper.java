package dev.listeningpost.local;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * DynamoDB deletes items whose TTL attribute (epoch seconds) has passed; dynoxide stores the TTL
 * setting but never sweeps. This does it for the local stack, so retention behaves as in AWS:
 * each delete is conditional on the item still being expired, and (as in AWS) it shows up in the
 * stream as a REMOVE.
 */
final class TtlSweeper {
  private final DynamoDbClient dynamo;
  private final List<String> tables;
  private final Clock clock;

  TtlSweeper(DynamoDbClient dynamo, List<String> tables, Clock clock) {
    this.dynamo = dynamo;
    this.tables = List.copyOf(tables);
    this.clock = clock;
  }

  /** Deletes expired items in every table with TTL enabled; returns how many per table. */
  Map<String, Integer> sweep() {
    Map<String, Integer> deleted = new HashMap<>();
    for (String table : tables) {
      TimeToLiveDescription ttl = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
      if (ttl != null && ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED) {
        deleted.put(table, sweep(table, ttl.attributeName()));
      }
    }
    return deleted;
  }

  private int sweep(String table, String attribute) {
    List<String> keys = dynamo.describeTable(b -> b.tableName(table)).table().keySchema().stream()
        .map(KeySchemaElement::attributeName).toList();
    Map<String, String> names = new HashMap<>();
    names.put("#ttl", attribute);
    for (int i = 0; i < keys.size(); i++) {
      names.put("#k" + i, keys.get(i));
    }
    Map<String, AttributeValue> now = Map.of(":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())));
    ScanRequest scan = ScanRequest.builder().tableName(table)
        .filterExpression("#ttl < :now").expressionAttributeNames(names).expressionAttributeValues(now)
        .projectionExpression(String.join(", ", names.keySet().stream().filter(n -> n.startsWith("#k")).toList()))
        .build();
    int count = 0;
    for (var page : dynamo.scanPaginator(scan)) {
      for (Map<String, AttributeValue> key : page.items()) {
        count += delete(table, attribute, key, now) ? 1 : 0;
      }
    }
    return count;
  }

  private boolean delete(String table, String attribute, Map<String, AttributeValue> key,
                         Map<String, AttributeValue> now) {
    try {
      dynamo.deleteItem(b -> b.tableName(table).key(key).conditionExpression("#ttl < :now")
          .expressionAttributeNames(Map.of("#ttl", attribute)).expressionAttributeValues(now));
      return true;
    } catch (ConditionalCheckFailedException rewritten) {
      return false;
    }
  }
}
