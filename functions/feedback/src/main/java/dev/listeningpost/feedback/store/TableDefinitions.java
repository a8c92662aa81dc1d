package dev.listeningpost.feedback.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Table definitions for DynamoDB Local (tests and the local stack). They mirror the tables in
 * template.yaml; {@code TemplateTablesTest} keeps the two in step.
 */
public final class TableDefinitions {
  /** Attributes the byDay index carries: everything the digest reads, not the raw payload or embedding. */
  public static final List<String> BY_DAY_PROJECTION = List.of(
      "channel", "workspace", "sourceId", "kind", "text", "authorId", "authorHandle", "authorName", "authorStaff",
      "threadId", "parentId", "inReplyToAuthorId", "permalink", "createdAt", "receivedAt", "score", "deliveryId",
      "hashtags", "status", "sentiment", "sentimentLabel", "themeId", "analyzedAt");

  /** The byAnalyzedDay index carries the same attributes: the themes job reads items from it. */
  public static final List<String> BY_ANALYZED_PROJECTION = BY_DAY_PROJECTION;

  private TableDefinitions() {
  }

  public static CreateTableRequest feedback(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            attr(FeedbackSchema.ID), attr(FeedbackSchema.DAY), attr(FeedbackSchema.CREATED_KEY),
            attr(FeedbackSchema.ANALYZED_DAY), attr(FeedbackSchema.ANALYZED_KEY))
        .keySchema(key(FeedbackSchema.ID, KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(FeedbackSchema.BY_DAY_INDEX)
            .keySchema(key(FeedbackSchema.DAY, KeyType.HASH), key(FeedbackSchema.CREATED_KEY, KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(BY_DAY_PROJECTION).build())
            .build(), GlobalSecondaryIndex.builder()
            .indexName(FeedbackSchema.BY_ANALYZED_INDEX)
            .keySchema(key(FeedbackSchema.ANALYZED_DAY, KeyType.HASH), key(FeedbackSchema.ANALYZED_KEY, KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(BY_ANALYZED_PROJECTION).build())
            .build())
        .streamSpecification(StreamSpecification.builder().streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
        .build();
  }

  /** A generic pk/sk table (digest archive and send log; themes). */
  public static CreateTableRequest keyed(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attr("pk"), attr("sk"))
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .build();
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

  private static AttributeDefinition attr(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
