package dev.listeningpost.feedback.store;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Enrichment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The feedback table. Every write is conditional, so retries and redeliveries are harmless:
 * creating an item that exists changes nothing, an edit older than the stored one changes nothing.
 */
public class FeedbackStore {
  private final DynamoDbClient dynamo;
  private final DynamoDbTable<Feedback> table;
  private final DynamoDbIndex<Feedback> byDay;
  private final DynamoDbIndex<Feedback> byAnalyzedDay;
  private final String tableName;

  public FeedbackStore(DynamoDbClient dynamo, String tableName, TableSchema<Feedback> schema) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.table = enhanced.table(tableName, schema);
    this.byDay = table.index(FeedbackSchema.BY_DAY_INDEX);
    this.byAnalyzedDay = table.index(FeedbackSchema.BY_ANALYZED_INDEX);
  }

  public String tableName() {
    return tableName;
  }

  /** Stores the item unless an item with its id exists. */
  public WriteOutcome create(Feedback item) {
    return guarded(() -> {
      try {
        table.putItem(PutItemEnhancedRequest.builder(Feedback.class).item(item)
            .conditionExpression(Expression.builder().expression("attribute_not_exists(#id)")
                .putExpressionName("#id", FeedbackSchema.ID).build())
            .build());
        return WriteOutcome.CREATED;
      } catch (ConditionalCheckFailedException duplicate) {
        return WriteOutcome.UNCHANGED;
      }
    });
  }

  /**
   * Applies an edit: creates the item if we never saw the original, else replaces its text when
   * the edit is newer than what is stored (edits can arrive out of order on retries).
   */
  public WriteOutcome edit(Feedback edited, Instant editedAt) {
    WriteOutcome created = create(edited.toBuilder().status(Feedback.Status.EDITED).build());
    if (created == WriteOutcome.CREATED) {
      return created;
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":text", AttributeValue.fromS(edited.text()));
    values.put(":edited", AttributeValue.fromS(editedAt.toString()));
    values.put(":status", AttributeValue.fromS(Feedback.Status.EDITED.name()));
    values.put(":deleted", AttributeValue.fromS(Feedback.Status.DELETED.name()));
    String raw = "";
    if (edited.rawPayload() != null) {
      values.put(":raw", AttributeValue.fromB(SdkBytes.fromByteArray(edited.rawPayload())));
      raw = ", #raw = :raw";
    }
    // Clearing enrichment makes the stream re-analyze the new text.
    String update = "SET #text = :text, editedAt = :edited, #status = :status" + raw
        + " REMOVE sentiment, sentimentLabel, embedding, analyzedAt, analyzedDay, analyzedKey";
    return conditionalUpdate(edited.id(), update,
        "attribute_exists(#id) AND #status <> :deleted AND (attribute_not_exists(editedAt) OR editedAt < :edited)",
        values, raw.isEmpty() ? Map.of("#text", "text", "#status", "status")
            : Map.of("#text", "text", "#status", "status", "#raw", "raw"));
  }

  /** Tombstones an item: text and raw payload are removed, the id stays so it is never re-created. */
  public WriteOutcome delete(String id, Instant deletedAt) {
    Map<String, AttributeValue> values = Map.of(
        ":status", AttributeValue.fromS(Feedback.Status.DELETED.name()),
        ":at", AttributeValue.fromS(deletedAt.toString()));
    return conditionalUpdate(id, "SET #status = :status, deletedAt = :at REMOVE #text, #raw, embedding",
        "attribute_exists(#id) AND #status <> :status", values,
        Map.of("#text", "text", "#status", "status", "#raw", "raw"));
  }

  /**
   * Rewrites an item's parsed fields (kind, text, author, thread, permalink, score, hashtags) in
   * place, for re-parsing a stored raw payload with an improved adapter. Identity, times, status,
   * raw payload and theme stay; a deleted item is never touched. With {@code reanalyze} the
   * sentiment and embedding are cleared so the text is analyzed again.
   */
  public WriteOutcome replaceParsed(Feedback item, boolean reanalyze) {
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    setOrRemove("kind", item.kind().name(), values, names, sets, removes);
    setOrRemove("text", item.text().isEmpty() ? null : item.text(), values, names, sets, removes);
    setOrRemove("authorId", item.author().id(), values, names, sets, removes);
    setOrRemove("authorHandle", item.author().handle(), values, names, sets, removes);
    setOrRemove("authorName", item.author().displayName(), values, names, sets, removes);
    names.put("#authorStaff", "authorStaff");
    values.put(":authorStaff", AttributeValue.fromBool(item.author().staff()));
    sets.add("#authorStaff = :authorStaff");
    setOrRemove("threadId", item.thread().threadId(), values, names, sets, removes);
    setOrRemove("parentId", item.thread().parentId(), values, names, sets, removes);
    setOrRemove("inReplyToAuthorId", item.thread().inReplyToAuthorId(), values, names, sets, removes);
    setOrRemove("permalink", item.permalink(), values, names, sets, removes);
    names.put("#score", "score");
    if (item.score() == null) {
      removes.add("#score");
    } else {
      values.put(":score", AttributeValue.fromN(Double.toString(item.score())));
      sets.add("#score = :score");
    }
    names.put("#hashtags", "hashtags");
    if (item.hashtags().isEmpty()) {
      removes.add("#hashtags");
    } else {
      values.put(":hashtags", AttributeValue.fromL(item.hashtags().stream().map(AttributeValue::fromS).toList()));
      sets.add("#hashtags = :hashtags");
    }
    if (reanalyze) {
      removes.addAll(List.of("sentiment", "sentimentLabel", "embedding", "analyzedAt",
          FeedbackSchema.ANALYZED_DAY, FeedbackSchema.ANALYZED_KEY));
    }
    values.put(":deleted", AttributeValue.fromS(Feedback.Status.DELETED.name()));
    names.put("#status", "status");
    String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    return conditionalUpdate(item.id(), update, "attribute_exists(#id) AND #status <> :deleted", values, names);
  }

  private static void setOrRemove(String attribute, String value, Map<String, AttributeValue> values,
                                  Map<String, String> names, List<String> sets, List<String> removes) {
    names.put("#" + attribute, attribute);
    if (value == null) {
      removes.add("#" + attribute);
    } else {
      values.put(":" + attribute, AttributeValue.fromS(value));
      sets.add("#" + attribute + " = :" + attribute);
    }
  }

  /**
   * Records analysis results. Conditional on the item existing and not being deleted, so a late
   * stream record never resurrects a deleted item.
   */
  public WriteOutcome enrich(String id, Enrichment e) {
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> sets = new ArrayList<>();
    if (e.sentiment() != null) {
      values.put(":s", AttributeValue.fromN(Double.toString(e.sentiment())));
      sets.add("sentiment = :s");
    }
    if (e.sentimentLabel() != null) {
      values.put(":l", AttributeValue.fromS(e.sentimentLabel()));
      sets.add("sentimentLabel = :l");
    }
    if (e.embedding() != null) {
      values.put(":e", AttributeValue.fromB(SdkBytes.fromByteArray(FeedbackSchema.toBytes(e.embedding()))));
      sets.add("embedding = :e");
    }
    if (e.themeId() != null) {
      values.put(":t", AttributeValue.fromS(e.themeId()));
      sets.add("themeId = :t");
    }
    Instant analyzedAt = e.analyzedAt() == null ? Instant.now() : e.analyzedAt();
    values.put(":a", AttributeValue.fromS(analyzedAt.toString()));
    sets.add("analyzedAt = :a");
    // Keys of the byAnalyzedDay index; the same analyzedAt rewrites the same keys (a theme write-back).
    values.put(":ad", AttributeValue.fromS(FeedbackSchema.dayOf(analyzedAt)));
    values.put(":ak", AttributeValue.fromS(FeedbackSchema.analyzedKey(analyzedAt, id)));
    sets.add(FeedbackSchema.ANALYZED_DAY + " = :ad");
    sets.add(FeedbackSchema.ANALYZED_KEY + " = :ak");
    values.put(":deleted", AttributeValue.fromS(Feedback.Status.DELETED.name()));
    return conditionalUpdate(id, "SET " + String.join(", ", sets),
        "attribute_exists(#id) AND #status <> :deleted", values, Map.of("#status", "status"));
  }

  private WriteOutcome conditionalUpdate(String id, String update, String condition,
                                         Map<String, AttributeValue> values, Map<String, String> extraNames) {
    Map<String, String> names = new HashMap<>(extraNames);
    names.put("#id", FeedbackSchema.ID);
    return guarded(() -> {
      try {
        dynamo.updateItem(UpdateItemRequest.builder().tableName(tableName)
            .key(Map.of(FeedbackSchema.ID, AttributeValue.fromS(id)))
            .updateExpression(update).conditionExpression(condition)
            .expressionAttributeNames(names).expressionAttributeValues(values).build());
        return WriteOutcome.UPDATED;
      } catch (ConditionalCheckFailedException unchanged) {
        return WriteOutcome.UNCHANGED;
      }
    });
  }

  public Optional<Feedback> find(String id) {
    return guarded(() -> Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build())));
  }

  /**
   * Items created in {@code [from, until)}, oldest first, deleted items excluded. One Query per
   * UTC day on the {@code byDay} index: a week is 8 queries at most, never a Scan.
   */
  public List<Feedback> createdBetween(Instant from, Instant until, String channel) {
    return guarded(() -> {
      List<Feedback> out = new ArrayList<>();
      LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
      LocalDate last = LocalDate.ofInstant(until.minusMillis(1), ZoneOffset.UTC);
      String lo = FeedbackSchema.createdKey(from, "");
      String hi = FeedbackSchema.createdKey(until, "");
      while (!day.isAfter(last)) {
        QueryConditional q = QueryConditional.sortBetween(
            Key.builder().partitionValue(day.toString()).sortValue(lo).build(),
            Key.builder().partitionValue(day.toString()).sortValue(hi).build());
        byDay.query(QueryEnhancedRequest.builder().queryConditional(q).build())
            .stream().flatMap(p -> p.items().stream())
            .filter(f -> !f.createdAt().isBefore(from) && f.createdAt().isBefore(until))
            .filter(f -> f.status() != Feedback.Status.DELETED)
            .filter(f -> channel == null || channel.isBlank() || channel.equals(f.channel()))
            .forEach(out::add);
        day = day.plusDays(1);
      }
      out.sort(Comparator.comparing(Feedback::createdAt).thenComparing(Feedback::id));
      return out;
    });
  }

  /**
   * Items analysed in {@code [from, until)}, whatever their creation time (late history,
   * re-deliveries, re-analysed edits), oldest analysis first, deleted items excluded. One Query
   * per UTC day of analysis on the {@code byAnalyzedDay} index, never a Scan.
   */
  public List<Feedback> analyzedBetween(Instant from, Instant until) {
    return guarded(() -> {
      List<Feedback> out = new ArrayList<>();
      LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
      LocalDate last = LocalDate.ofInstant(until.minusMillis(1), ZoneOffset.UTC);
      String lo = FeedbackSchema.analyzedKey(from, "");
      String hi = FeedbackSchema.analyzedKey(until, "");
      while (!day.isAfter(last)) {
        QueryConditional q = QueryConditional.sortBetween(
            Key.builder().partitionValue(day.toString()).sortValue(lo).build(),
            Key.builder().partitionValue(day.toString()).sortValue(hi).build());
        byAnalyzedDay.query(QueryEnhancedRequest.builder().queryConditional(q).build())
            .stream().flatMap(p -> p.items().stream())
            .filter(f -> f.enrichment() != null && f.enrichment().analyzedAt() != null)
            .filter(f -> !f.enrichment().analyzedAt().isBefore(from) && f.enrichment().analyzedAt().isBefore(until))
            .filter(f -> f.status() != Feedback.Status.DELETED)
            .forEach(out::add);
        day = day.plusDays(1);
      }
      out.sort(Comparator.comparing((Feedback f) -> f.enrichment().analyzedAt()).thenComparing(Feedback::id));
      return out;
    });
  }

  private static <T> T guarded(Supplier<T> op) {
    try {
      return op.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new StorageUnavailableException("feedback table unavailable: " + e.getClass().getSimpleName(), e);
    }
  }
}
