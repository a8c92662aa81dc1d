package dev.listeningpost.feedback.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates tables where the stack does not (tests, the local stack, benchmarks) from the
 * definitions each table's contract class declares ({@link FeedbackTable}, {@link KeyedTable});
 * {@code TemplateTablesTest} keeps those in step with template.yaml.
 */
public final class TableDefinitions {
  private TableDefinitions() {
  }

  /**
   * Creates the table if it does not exist yet and waits until it is active. An existing table
   * gets the global secondary indexes it lacks (a local data dir made by an older version), as a
   * deployed stack gets them from a template update.
   */
  public static void ensure(DynamoDbClient dynamo, CreateTableRequest request) {
    try {
      dynamo.createTable(request);
    } catch (ResourceInUseException exists) {
      addMissingIndexes(dynamo, request);
      return;
    }
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
  }

  private static void addMissingIndexes(DynamoDbClient dynamo, CreateTableRequest request) {
    if (!request.hasGlobalSecondaryIndexes()) {
      return;
    }
    Set<String> present = new HashSet<>();
    TableDescription table = dynamo.describeTable(b -> b.tableName(request.tableName())).table();
    if (table.hasGlobalSecondaryIndexes()) {
      table.globalSecondaryIndexes().forEach(g -> present.add(g.indexName()));
    }
    for (GlobalSecondaryIndex index : request.globalSecondaryIndexes()) {
      if (present.contains(index.indexName())) {
        continue;
      }
      // DynamoDB creates one index per UpdateTable call.
      dynamo.updateTable(b -> b.tableName(request.tableName()).attributeDefinitions(request.attributeDefinitions())
          .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
              .keySchema(index.keySchema()).projection(index.projection()))));
      awaitIndex(dynamo, request.tableName(), index.indexName());
    }
  }

  private static void awaitIndex(DynamoDbClient dynamo, String table, String index) {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      boolean active = dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
          .anyMatch(g -> g.indexName().equals(index) && g.indexStatus() == IndexStatus.ACTIVE);
      if (active) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while index " + index + " was being created", e);
      }
    }
    throw new IllegalStateException("index " + index + " of " + table + " not active after 10 minutes");
  }

  /** The feedback table with its TTL turned on, as the template declares it. */
  public static void ensureFeedback(DynamoDbClient dynamo, String name) {
    ensure(dynamo, FeedbackTable.definition(name));
    var ttl = dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
    if (ttl == null || ttl.timeToLiveStatus() != TimeToLiveStatus.ENABLED) {
      dynamo.updateTimeToLive(b -> b.tableName(name)
          .timeToLiveSpecification(s -> s.enabled(true).attributeName(FeedbackTable.EXPIRES_AT)));
    }
  }

  static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
