package dev.listeningpost.feedback.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The feedback table's storage contract, declared once: attribute names, the byDay index and its
 * projection, the TTL attribute and the table definition. {@link FeedbackSchema} (the mapping),
 * {@link FeedbackStore} (the expressions), the local stack, the tests and, through
 * {@code TemplateTablesTest}, template.yaml all follow it. Change a name only with a migration.
 */
public final class FeedbackTable {
  public static final String ID = "id";
  public static final String CHANNEL = "channel";
  public static final String WORKSPACE = "workspace";
  public static final String SOURCE_ID = "sourceId";
  public static final String KIND = "kind";
  public static final String TEXT = "text";
  public static final String AUTHOR_ID = "authorId";
  public static final String AUTHOR_HANDLE = "authorHandle";
  public static final String AUTHOR_NAME = "authorName";
  public static final String AUTHOR_STAFF = "authorStaff";
  public static final String THREAD_ID = "threadId";
  public static final String PARENT_ID = "parentId";
  public static final String IN_REPLY_TO_AUTHOR_ID = "inReplyToAuthorId";
  public static final String PERMALINK = "permalink";
  public static final String CREATED_AT = "createdAt";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String SCORE = "score";
  public static final String DELIVERY_ID = "deliveryId";
  public static final String HASHTAGS = "hashtags";
  public static final String STATUS = "status";
  public static final String RAW = "raw";
  public static final String EDITED_AT = "editedAt";
  public static final String DELETED_AT = "deletedAt";
  /** Size in bytes of a raw payload left out because the item would exceed DynamoDB's item limit. */
  public static final String RAW_OMITTED = "rawOmittedBytes";
  // Unparsed deliveries (status UNPARSED): why parsing failed, and the headers a reparse needs.
  public static final String PARSE_ERROR = "parseError";
  public static final String REPLAY_HEADERS = "replayHeaders";
  // Enrichment, written by the analyze function.
  public static final String SENTIMENT = "sentiment";
  public static final String SENTIMENT_LABEL = "sentimentLabel";
  public static final String EMBEDDING = "embedding";
  public static final String THEME_ID = "themeId";
  public static final String ANALYZED_AT = "analyzedAt";
  // Derived keys: written for the index and TTL.
  public static final String DAY = "day";
  public static final String CREATED_KEY = "createdKey";
  public static final String ANALYZED_DAY = "analyzedDay";
  public static final String ANALYZED_KEY = "analyzedKey";
  /** DynamoDB TTL attribute (epoch seconds). */
  public static final String EXPIRES_AT = "expiresAt";

  /** GSI that serves every "items created in a period" read: partition = UTC day. */
  public static final String BY_DAY_INDEX = "byDay";
  /** Attributes the byDay index carries: everything the digest reads, not the raw payload or embedding. */
  public static final List<String> BY_DAY_PROJECTION = List.of(
      CHANNEL, WORKSPACE, SOURCE_ID, KIND, TEXT, AUTHOR_ID, AUTHOR_HANDLE, AUTHOR_NAME, AUTHOR_STAFF,
      THREAD_ID, PARENT_ID, IN_REPLY_TO_AUTHOR_ID, PERMALINK, CREATED_AT, RECEIVED_AT, SCORE, DELIVERY_ID,
      HASHTAGS, STATUS, SENTIMENT, SENTIMENT_LABEL, THEME_ID, ANALYZED_AT);

  /** What a count over a period reads (see {@code FeedbackStore#countableBetween}): ids, authors, threads, analysis. */
  public static final List<String> COUNTING_ATTRIBUTES = List.of(
      ID, CHANNEL, KIND, AUTHOR_ID, AUTHOR_HANDLE, AUTHOR_STAFF, THREAD_ID, PARENT_ID, IN_REPLY_TO_AUTHOR_ID,
      CREATED_AT, STATUS, SENTIMENT, SENTIMENT_LABEL, THEME_ID, ANALYZED_AT);

  /**
   * Sparse GSI over analysed items: partition = UTC day of {@code analyzedAt}, so the nightly
   * themes job reads what was analysed since its last run, whatever the items' creation times.
   */
  public static final String BY_ANALYZED_INDEX = "byAnalyzedDay";
  /** The byAnalyzedDay index carries the same attributes: the themes job reads items from it. */
  public static final List<String> BY_ANALYZED_PROJECTION = BY_DAY_PROJECTION;

  private FeedbackTable() {
  }

  /** The table as template.yaml declares it (on-demand, stream with both images, byDay GSI). */
  public static CreateTableRequest definition(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(TableDefinitions.stringAttribute(ID), TableDefinitions.stringAttribute(DAY),
            TableDefinitions.stringAttribute(CREATED_KEY), TableDefinitions.stringAttribute(ANALYZED_DAY),
            TableDefinitions.stringAttribute(ANALYZED_KEY))
        .keySchema(TableDefinitions.key(ID, KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(BY_DAY_INDEX)
            .keySchema(TableDefinitions.key(DAY, KeyType.HASH), TableDefinitions.key(CREATED_KEY, KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(BY_DAY_PROJECTION).build())
            .build(), GlobalSecondaryIndex.builder()
            .indexName(BY_ANALYZED_INDEX)
            .keySchema(TableDefinitions.key(ANALYZED_DAY, KeyType.HASH), TableDefinitions.key(ANALYZED_KEY, KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(BY_ANALYZED_PROJECTION).build())
            .build())
        .streamSpecification(StreamSpecification.builder().streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
        .build();
  }
}
