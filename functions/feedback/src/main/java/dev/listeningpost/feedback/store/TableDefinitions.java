package dev.listeningpost.feedback.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

  /** Creates the table if it does not exist yet and waits until it is active. */
  public static void ensure(DynamoDbClient dynamo, CreateTableRequest request) {
    try {
      dynamo.createTable(request);
    } catch (ResourceInUseException exists) {
      return;
    }
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
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
