package dev.listeningpost.feedback.store;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.Unparsed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedResponse;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The feedback table. Every write is conditional, so retries and redeliveries are harmless:
 * creating an item that exists changes nothing, an edit older than the stored one changes nothing.
 */
public class FeedbackStore {
  /** Operation names in the {@link CapacityMeter}: a new item, a redelivery, an analysis, a theme write-back. */
  public static final String PUT = "feedback.put";
  public static final String PUT_DUPLICATE = "feedback.put.duplicate";
  public static final String ENRICH = "feedback.enrich";
  public static final String ENRICH_THEME = "feedback.enrich.theme";
  private final DynamoDbClient dynamo;
  private final DynamoDbTable<Feedback> table;
  private final DynamoDbIndex<Feedback> byDay;
  private final DynamoDbIndex<Feedback> byAnalyzedDay;
  private final String tableName;
  private final TableSchema<Feedback> schema;
  private final CapacityMeter capacity;
  /** What an edit or a re-parse clears so the stream analyses the item again (index keys included). */
  private static final String[] ANALYSIS = {FeedbackTable.SENTIMENT, FeedbackTable.SENTIMENT_LABEL,
      FeedbackTable.EMBEDDING, FeedbackTable.ANALYZED_AT, FeedbackTable.ANALYZED_DAY, FeedbackTable.ANALYZED_KEY};

  public FeedbackStore(DynamoDbClient dynamo, String tableName, TableSchema<Feedback> schema) {
    this(dynamo, tableName, schema, new CapacityMeter());
  }

  /** @param capacity where every call's consumed capacity is summed (see {@link #capacity()}) */
  public FeedbackStore(DynamoDbClient dynamo, String tableName, TableSchema<Feedback> schema, CapacityMeter capacity) {
    this.capacity = capacity;
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.schema = schema;
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.table = enhanced.table(tableName, schema);
    this.byDay = table.index(FeedbackTable.BY_DAY_INDEX);
    this.byAnalyzedDay = table.index(FeedbackTable.BY_ANALYZED_INDEX);
  }

  public String tableName() {
    return tableName;
  }

  /** Capacity consumed by this store's calls, per operation (they all ask for {@code INDEXES}). */
  public CapacityMeter capacity() {
    return capacity;
  }

  /** The item as it will be stored: cut to fit DynamoDB's item size limit (see {@link ItemLimits}). */
  public ItemLimits.Fitted fit(Feedback item) {
    return ItemLimits.fit(item, f -> ItemLimits.sizeOf(schema.itemToMap(f, true)));
  }

  /**
   * Stores the item unless an item with its id exists. An item over the size limit is stored
   * with its text truncated and, if need be, without its raw payload (see {@link ItemLimits}).
   */
  public WriteOutcome create(Feedback item) {
    ItemLimits.Fitted fitted = fit(item);
    if (fitted.rawOmitted()) {
      Map<String, AttributeValue> attributes = new HashMap<>(schema.itemToMap(fitted.item(), true));
      attributes.put(FeedbackTable.RAW_OMITTED, AttributeValue.fromN(Integer.toString(fitted.rawOmittedBytes())));
      return putIfAbsent(attributes);
    }
    return guarded(() -> {
      try {
        capacity.record(PUT, table.putItemWithResponse(PutItemEnhancedRequest.builder(Feedback.class).item(fitted.item())
            .conditionExpression(Expression.builder().expression("attribute_not_exists(#id)")
                .putExpressionName("#id", FeedbackTable.ID).build())
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
            .build()).consumedCapacity());
        return WriteOutcome.CREATED;
      } catch (ConditionalCheckFailedException duplicate) {
        // A failed condition still costs a write unit; the exception does not say how many.
        capacity.record(PUT_DUPLICATE, null);
        return WriteOutcome.UNCHANGED;
      }
    });
  }

  private WriteOutcome putIfAbsent(Map<String, AttributeValue> attributes) {
    return guarded(() -> {
      try {
        capacity.record(PUT, dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(attributes)
            .conditionExpression("attribute_not_exists(#id)")
            .expressionAttributeNames(Map.of("#id", FeedbackTable.ID))
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build()).consumedCapacity());
        return WriteOutcome.CREATED;
      } catch (ConditionalCheckFailedException duplicate) {
        capacity.record(PUT_DUPLICATE, null);
        return WriteOutcome.UNCHANGED;
      }
    });
  }

  /**
   * Keeps a delivery its adapter could not parse: status {@code UNPARSED}, created at its
   * received time, raw body, error and replay headers. The same body again changes nothing.
   */
  public WriteOutcome storeUnparsed(Unparsed u) {
    Feedback shell = Feedback.builder().id(u.id()).channel(u.channel()).workspace(u.workspace())
        .createdAt(u.receivedAt()).receivedAt(u.receivedAt()).status(Feedback.Status.UNPARSED)
        .rawPayload(u.rawPayload()).build();
    ItemLimits.Fitted fitted = fit(shell);
    Map<String, AttributeValue> attributes = new HashMap<>(schema.itemToMap(fitted.item(), true));
    if (fitted.rawOmitted()) {
      attributes.put(FeedbackTable.RAW_OMITTED, AttributeValue.fromN(Integer.toString(fitted.rawOmittedBytes())));
    }
    if (u.error() != null) {
      String error = u.error().length() > 2000 ? u.error().substring(0, 2000) : u.error();
      attributes.put(FeedbackTable.PARSE_ERROR, AttributeValue.fromS(error));
    }
    Map<String, AttributeValue> headers = new HashMap<>();
    u.headers().forEach((k, v) -> headers.put(k, AttributeValue.fromS(v)));
    attributes.put(FeedbackTable.REPLAY_HEADERS, AttributeValue.fromM(headers));
    return putIfAbsent(attributes);
  }

  /** An unparsed delivery by id, empty if there is none (or the item is not unparsed). */
  public Optional<Unparsed> findUnparsed(String id) {
    return guarded(() -> {
      GetItemResponse got = dynamo.getItem(GetItemRequest.builder().tableName(tableName)
          .key(Map.of(FeedbackTable.ID, AttributeValue.fromS(id))).consistentRead(true)
          .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build());
      capacity.record("feedback.get", got.consumedCapacity());
      Map<String, AttributeValue> item = got.item();
      if (item == null || item.isEmpty() || !isUnparsed(item)) {
        return Optional.empty();
      }
      Map<String, String> headers = new HashMap<>();
      AttributeValue h = item.get(FeedbackTable.REPLAY_HEADERS);
      if (h != null && h.hasM()) {
        h.m().forEach((k, v) -> headers.put(k, v.s()));
      }
      AttributeValue raw = item.get(FeedbackTable.RAW);
      return Optional.of(new Unparsed(id, item.get(FeedbackTable.CHANNEL).s(), text(item, FeedbackTable.WORKSPACE),
          Instant.parse(item.get(FeedbackTable.RECEIVED_AT).s()), raw == null ? null : raw.b().asByteArray(),
          text(item, FeedbackTable.PARSE_ERROR), headers));
    });
  }

  private static boolean isUnparsed(Map<String, AttributeValue> item) {
    AttributeValue status = item.get(FeedbackTable.STATUS);
    return status != null && Feedback.Status.UNPARSED.name().equals(status.s());
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  /**
   * Removes an unparsed delivery once a fixed adapter has stored what it contains. Conditional
   * on it still being unparsed, so a real item is never removed.
   */
  public WriteOutcome resolveUnparsed(String id) {
    return guarded(() -> {
      try {
        var deleted = dynamo.deleteItem(DeleteItemRequest.builder().tableName(tableName)
            .key(Map.of(FeedbackTable.ID, AttributeValue.fromS(id)))
            .conditionExpression("#status = :unparsed")
            .expressionAttributeNames(Map.of("#status", FeedbackTable.STATUS))
            .expressionAttributeValues(Map.of(":unparsed", AttributeValue.fromS(Feedback.Status.UNPARSED.name())))
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
            .build());
        capacity.record("feedback.resolveUnparsed", deleted.consumedCapacity());
        return WriteOutcome.UPDATED;
      } catch (ConditionalCheckFailedException gone) {
        return WriteOutcome.UNCHANGED;
      }
    });
  }

  /**
   * Applies an edit: creates the item if we never saw the original, else replaces its text when
   * the edit is newer than what is stored (edits can arrive out of order on retries).
   */
  public WriteOutcome edit(Feedback edit, Instant editedAt) {
    WriteOutcome created = create(edit.toBuilder().status(Feedback.Status.EDITED).build());
    if (created == WriteOutcome.CREATED) {
      return created;
    }
    ItemLimits.Fitted fitted = fit(edit);
    Feedback edited = fitted.item();
    Update u = new Update()
        .set(FeedbackTable.TEXT, AttributeValue.fromS(edited.text()))
        .set(FeedbackTable.EDITED_AT, AttributeValue.fromS(editedAt.toString()))
        .set(FeedbackTable.STATUS, AttributeValue.fromS(Feedback.Status.EDITED.name()))
        // Clearing enrichment makes the stream re-analyze the new text.
        .remove(ANALYSIS)
        .value(":deleted", AttributeValue.fromS(Feedback.Status.DELETED.name()));
    if (edited.rawPayload() != null) {
      u.set(FeedbackTable.RAW, AttributeValue.fromB(SdkBytes.fromByteArray(edited.rawPayload())));
    } else if (fitted.rawOmitted()) {
      // The old raw payload no longer matches the text: drop it rather than keep a stale one.
      u.set(FeedbackTable.RAW_OMITTED, AttributeValue.fromN(Integer.toString(fitted.rawOmittedBytes())));
      u.remove(FeedbackTable.RAW);
    }
    String editedAtName = u.name(FeedbackTable.EDITED_AT);
    return conditionalUpdate("feedback.edit", edited.id(), u, u.exists() + " AND " + u.name(FeedbackTable.STATUS) + " <> :deleted AND"
        + " (attribute_not_exists(" + editedAtName + ") OR " + editedAtName + " < :" + FeedbackTable.EDITED_AT + ")");
  }

  /** Tombstones an item: text and raw payload are removed, the id stays so it is never re-created. */
  public WriteOutcome delete(String id, Instant deletedAt) {
    Update u = new Update()
        .set(FeedbackTable.STATUS, AttributeValue.fromS(Feedback.Status.DELETED.name()))
        .set(FeedbackTable.DELETED_AT, AttributeValue.fromS(deletedAt.toString()))
        .remove(FeedbackTable.TEXT, FeedbackTable.RAW, FeedbackTable.EMBEDDING);
    return conditionalUpdate("feedback.delete", id, u,
        u.exists() + " AND " + u.name(FeedbackTable.STATUS) + " <> :" + FeedbackTable.STATUS);
  }

  /**
   * Rewrites an item's parsed fields (kind, text, author, thread, permalink, score, hashtags) in
   * place, for re-parsing a stored raw payload with an improved adapter. Identity, times, status,
   * raw payload and theme stay; a deleted item is never touched. With {@code reanalyze} the
   * sentiment and embedding are cleared so the text is analyzed again.
   */
  public WriteOutcome replaceParsed(Feedback parsed, boolean reanalyze) {
    // The raw payload stays as stored; only the text is cut if the item would grow over the limit.
    Feedback item = fit(parsed).item();
    Update u = new Update()
        .setOrRemove(FeedbackTable.KIND, item.kind().name())
        .setOrRemove(FeedbackTable.TEXT, item.text().isEmpty() ? null : item.text())
        .setOrRemove(FeedbackTable.AUTHOR_ID, item.author().id())
        .setOrRemove(FeedbackTable.AUTHOR_HANDLE, item.author().handle())
        .setOrRemove(FeedbackTable.AUTHOR_NAME, item.author().displayName())
        .set(FeedbackTable.AUTHOR_STAFF, AttributeValue.fromBool(item.author().staff()))
        .setOrRemove(FeedbackTable.THREAD_ID, item.thread().threadId())
        .setOrRemove(FeedbackTable.PARENT_ID, item.thread().parentId())
        .setOrRemove(FeedbackTable.IN_REPLY_TO_AUTHOR_ID, item.thread().inReplyToAuthorId())
        .setOrRemove(FeedbackTable.PERMALINK, item.permalink())
        .setOrRemove(FeedbackTable.SCORE, item.score() == null ? null : AttributeValue.fromN(Double.toString(item.score())))
        .setOrRemove(FeedbackTable.HASHTAGS, item.hashtags().isEmpty() ? null
            : AttributeValue.fromL(item.hashtags().stream().map(AttributeValue::fromS).toList()))
        .value(":deleted", AttributeValue.fromS(Feedback.Status.DELETED.name()));
    if (reanalyze) {
      u.remove(ANALYSIS);
    }
    return conditionalUpdate("feedback.replaceParsed", item.id(), u, u.exists() + " AND " + u.name(FeedbackTable.STATUS) + " <> :deleted");
  }

  /**
   * Records analysis results. Conditional on the item existing and not being deleted (so a late
   * stream record never resurrects a deleted item) or unparsed.
   */
  public WriteOutcome enrich(String id, Enrichment e) {
    Update u = new Update();
    if (e.sentiment() != null) {
      u.set(FeedbackTable.SENTIMENT, AttributeValue.fromN(Double.toString(e.sentiment())));
    }
    if (e.sentimentLabel() != null) {
      u.set(FeedbackTable.SENTIMENT_LABEL, AttributeValue.fromS(e.sentimentLabel()));
    }
    if (e.embedding() != null) {
      u.set(FeedbackTable.EMBEDDING, AttributeValue.fromB(SdkBytes.fromByteArray(EmbeddingCodec.encode(e.embedding()))));
    }
    if (e.themeId() != null) {
      u.set(FeedbackTable.THEME_ID, AttributeValue.fromS(e.themeId()));
    }
    Instant analyzedAt = e.analyzedAt() == null ? Instant.now() : e.analyzedAt();
    u.set(FeedbackTable.ANALYZED_AT, AttributeValue.fromS(analyzedAt.toString()));
    // Keys of the byAnalyzedDay index; the same analyzedAt rewrites the same keys (a theme write-back).
    u.set(FeedbackTable.ANALYZED_DAY, AttributeValue.fromS(FeedbackSchema.dayOf(analyzedAt)));
    u.set(FeedbackTable.ANALYZED_KEY, AttributeValue.fromS(FeedbackSchema.analyzedKey(analyzedAt, id)));
    u.value(":deleted", AttributeValue.fromS(Feedback.Status.DELETED.name()));
    // An unparsed delivery is not feedback: it is never enriched, whoever asks.
    u.value(":unparsed", AttributeValue.fromS(Feedback.Status.UNPARSED.name()));
    // A write-back that only sets a theme (the nightly job) is a different cost from an analysis.
    String operation = e.embedding() == null && e.sentimentLabel() == null ? ENRICH_THEME : ENRICH;
    return conditionalUpdate(operation, id, u, u.exists() + " AND NOT " + u.name(FeedbackTable.STATUS) + " IN (:deleted, :unparsed)");
  }

  private WriteOutcome conditionalUpdate(String operation, String id, Update update, String condition) {
    return guarded(() -> {
      try {
        capacity.record(operation, dynamo.updateItem(UpdateItemRequest.builder().tableName(tableName)
            .key(Map.of(FeedbackTable.ID, AttributeValue.fromS(id)))
            .updateExpression(update.expression()).conditionExpression(condition)
            .expressionAttributeNames(update.names).expressionAttributeValues(update.values)
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build()).consumedCapacity());
        return WriteOutcome.UPDATED;
      } catch (ConditionalCheckFailedException unchanged) {
        capacity.record(operation + ".unchanged", null);
        return WriteOutcome.UNCHANGED;
      }
    });
  }

  /**
   * An UpdateItem expression whose attribute names all go through placeholders ({@code #name}),
   * so names come only from {@link FeedbackTable} and reserved words never bite.
   */
  private static final class Update {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();

    String name(String attribute) {
      names.put("#" + attribute, attribute);
      return "#" + attribute;
    }

    String exists() {
      return "attribute_exists(" + name(FeedbackTable.ID) + ")";
    }

    Update set(String attribute, AttributeValue value) {
      sets.add(name(attribute) + " = :" + attribute);
      values.put(":" + attribute, value);
      return this;
    }

    Update setOrRemove(String attribute, String value) {
      return setOrRemove(attribute, value == null ? null : AttributeValue.fromS(value));
    }

    Update setOrRemove(String attribute, AttributeValue value) {
      return value == null ? remove(attribute) : set(attribute, value);
    }

    Update remove(String... attributes) {
      for (String a : attributes) {
        removes.add(name(a));
      }
      return this;
    }

    Update value(String placeholder, AttributeValue value) {
      values.put(placeholder, value);
      return this;
    }

    String expression() {
      return "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    }
  }

  public Optional<Feedback> find(String id) {
    return guarded(() -> {
      GetItemEnhancedResponse<Feedback> got = table.getItemWithResponse(GetItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(id).build()).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build());
      capacity.record("feedback.get", got.consumedCapacity());
      return Optional.ofNullable(got.attributes());
    });
  }

  /**
   * Items created in {@code [from, until)}, oldest first, deleted and unparsed items excluded. One Query per
   * UTC day on the {@code byDay} index: a week is 8 queries at most, never a Scan.
   */
  public List<Feedback> createdBetween(Instant from, Instant until, String channel) {
    // Unparsed deliveries are not feedback: no read for analysis, digests or the API sees them.
    return byCreation(from, until, channel, f -> f.status() != Feedback.Status.DELETED && f.status() != Feedback.Status.UNPARSED);
  }

  /**
   * As {@link #createdBetween} without channel filter, reading only the attributes that counting needs
   * ({@link FeedbackTable#COUNTING_ATTRIBUTES}: no text, permalink or names), for history that is
   * summarised, never shown: less data on the wire and in memory per item.
   */
  public List<Feedback> countableBetween(Instant from, Instant until) {
    return perDay(byDay, "feedback.query.byDay.counting", from, until, FeedbackSchema.createdKey(from, ""),
        FeedbackSchema.createdKey(until, ""), Feedback::createdAt,
        f -> f.status() != Feedback.Status.DELETED && f.status() != Feedback.Status.UNPARSED,
        FeedbackTable.COUNTING_ATTRIBUTES);
  }

  /** Unparsed deliveries received in {@code [from, until)} (optionally one channel), for the reparse job. */
  public List<Feedback> unparsedBetween(Instant from, Instant until, String channel) {
    return byCreation(from, until, channel, f -> f.status() == Feedback.Status.UNPARSED);
  }

  private List<Feedback> byCreation(Instant from, Instant until, String channel, Predicate<Feedback> keep) {
    return perDay(byDay, "feedback.query.byDay", from, until, FeedbackSchema.createdKey(from, ""),
        FeedbackSchema.createdKey(until, ""), Feedback::createdAt, f -> keep.test(f) && (channel == null || channel.isBlank() || channel.equals(f.channel())));
  }

  /**
   * Items analysed in {@code [from, until)}, whatever their creation time (late history,
   * re-deliveries, re-analysed edits), oldest analysis first, deleted items excluded. One Query
   * per UTC day of analysis on the {@code byAnalyzedDay} index, never a Scan.
   */
  public List<Feedback> analyzedBetween(Instant from, Instant until) {
    return perDay(byAnalyzedDay, "feedback.query.byAnalyzedDay", from, until, FeedbackSchema.analyzedKey(from, ""),
        FeedbackSchema.analyzedKey(until, ""), f -> f.enrichment() == null ? null : f.enrichment().analyzedAt(),
        f -> f.status() != Feedback.Status.DELETED);
  }

  /**
   * One Query per UTC day on a day-partitioned index (sort keys {@code [lo, hi]}), keeping items
   * whose {@code time} is in {@code [from, until)} and that {@code keep} accepts, sorted by time then id.
   */
  private List<Feedback> perDay(DynamoDbIndex<Feedback> index, String operation, Instant from, Instant until,
                                String lo, String hi, Function<Feedback, Instant> time, Predicate<Feedback> keep) {
    return perDay(index, operation, from, until, lo, hi, time, keep, List.of());
  }

  private List<Feedback> perDay(DynamoDbIndex<Feedback> index, String operation, Instant from, Instant until,
                                String lo, String hi,
                                Function<Feedback, Instant> time, Predicate<Feedback> keep, List<String> attributes) {
    return guarded(() -> {
      List<Feedback> out = new ArrayList<>();
      LocalDate last = LocalDate.ofInstant(until.minusMillis(1), ZoneOffset.UTC);
      for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.isAfter(last); day = day.plusDays(1)) {
        QueryConditional q = QueryConditional.sortBetween(
            Key.builder().partitionValue(day.toString()).sortValue(lo).build(),
            Key.builder().partitionValue(day.toString()).sortValue(hi).build());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().queryConditional(q)
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES);
        if (!attributes.isEmpty()) {
          request.attributesToProject(attributes);
        }
        index.query(request.build())
            .stream().peek(p -> capacity.record(operation, p.consumedCapacity())).flatMap(p -> p.items().stream())
            .filter(f -> time.apply(f) != null && !time.apply(f).isBefore(from) && time.apply(f).isBefore(until))
            .filter(keep)
            .forEach(out::add);
      }
      out.sort(Comparator.comparing(time).thenComparing(Feedback::id));
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
