package dev.listeningpost.feedback.store;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.Feedback.ThreadRef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Static (reflection-free) DynamoDB mapping of {@link Feedback}. Attribute names come from
 * {@link FeedbackTable}, the storage contract (docs/architecture.md).
 */
public final class FeedbackSchema {

  private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  // Fixed width so that lexical order is time order.
  private static final DateTimeFormatter KEY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private FeedbackSchema() {
  }

  public static String dayOf(Instant t) {
    return DAY_FORMAT.format(t);
  }

  /** Sort key within a day: created time then id, so items created in the same ms stay distinct. */
  public static String createdKey(Instant t, String id) {
    return KEY_TIME.format(t) + "#" + (id == null ? "" : id);
  }

  /** Sort key within an analysed day: analysis time then id (fixed width, so lexical order is time order). */
  public static String analyzedKey(Instant analyzedAt, String id) {
    return createdKey(analyzedAt, id);
  }

  /**
   * @param retention how long items are kept (DynamoDB TTL on {@value FeedbackTable#EXPIRES_AT});
   *                  zero or negative keeps them forever
   */
  public static StaticImmutableTableSchema<Feedback, Feedback.Builder> create(Duration retention) {
    boolean expires = retention != null && !retention.isZero() && !retention.isNegative();
    return StaticImmutableTableSchema.builder(Feedback.class, Feedback.Builder.class)
        .newItemBuilder(Feedback::builder, Feedback.Builder::build)
        .addAttribute(String.class, a -> a.name(FeedbackTable.ID).getter(Feedback::id).setter(Feedback.Builder::id)
            .tags(StaticAttributeTags.primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(FeedbackTable.CHANNEL).getter(Feedback::channel).setter(Feedback.Builder::channel))
        .addAttribute(String.class, a -> a.name(FeedbackTable.WORKSPACE).getter(Feedback::workspace).setter(Feedback.Builder::workspace))
        .addAttribute(String.class, a -> a.name(FeedbackTable.SOURCE_ID).getter(Feedback::sourceId).setter(Feedback.Builder::sourceId))
        .addAttribute(String.class, a -> a.name(FeedbackTable.KIND).getter(f -> f.kind().name())
            .setter((b, v) -> b.kind(v == null ? null : Feedback.Kind.valueOf(v))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.TEXT).getter(f -> f.text().isEmpty() ? null : f.text())
            .setter(Feedback.Builder::text))
        .addAttribute(String.class, a -> a.name(FeedbackTable.AUTHOR_ID).getter(f -> f.author().id())
            .setter((b, v) -> b.author(new Author(v, b.author().handle(), b.author().displayName(), b.author().staff()))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.AUTHOR_HANDLE).getter(f -> f.author().handle())
            .setter((b, v) -> b.author(new Author(b.author().id(), v, b.author().displayName(), b.author().staff()))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.AUTHOR_NAME).getter(f -> f.author().displayName())
            .setter((b, v) -> b.author(new Author(b.author().id(), b.author().handle(), v, b.author().staff()))))
        .addAttribute(Boolean.class, a -> a.name(FeedbackTable.AUTHOR_STAFF).getter(f -> f.author().staff())
            .setter((b, v) -> b.author(new Author(b.author().id(), b.author().handle(), b.author().displayName(),
                Boolean.TRUE.equals(v)))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.THREAD_ID).getter(f -> f.thread().threadId())
            .setter((b, v) -> b.thread(new ThreadRef(v, b.thread().parentId(), b.thread().inReplyToAuthorId()))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.PARENT_ID).getter(f -> f.thread().parentId())
            .setter((b, v) -> b.thread(new ThreadRef(b.thread().threadId(), v, b.thread().inReplyToAuthorId()))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.IN_REPLY_TO_AUTHOR_ID).getter(f -> f.thread().inReplyToAuthorId())
            .setter((b, v) -> b.thread(new ThreadRef(b.thread().threadId(), b.thread().parentId(), v))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.PERMALINK).getter(Feedback::permalink).setter(Feedback.Builder::permalink))
        .addAttribute(Instant.class, a -> a.name(FeedbackTable.CREATED_AT).getter(Feedback::createdAt).setter(Feedback.Builder::createdAt))
        .addAttribute(Instant.class, a -> a.name(FeedbackTable.RECEIVED_AT).getter(Feedback::receivedAt).setter(Feedback.Builder::receivedAt))
        .addAttribute(Double.class, a -> a.name(FeedbackTable.SCORE).getter(Feedback::score).setter(Feedback.Builder::score))
        .addAttribute(String.class, a -> a.name(FeedbackTable.DELIVERY_ID).getter(Feedback::deliveryId).setter(Feedback.Builder::deliveryId))
        .addAttribute(EnhancedType.listOf(String.class), a -> a.name(FeedbackTable.HASHTAGS)
            .getter(f -> f.hashtags().isEmpty() ? null : f.hashtags()).setter(Feedback.Builder::hashtags))
        .addAttribute(String.class, a -> a.name(FeedbackTable.STATUS).getter(f -> f.status().name())
            .setter((b, v) -> b.status(v == null ? null : Feedback.Status.valueOf(v))))
        .addAttribute(SdkBytes.class, a -> a.name(FeedbackTable.RAW)
            .getter(f -> f.rawPayload() == null ? null : SdkBytes.fromByteArray(f.rawPayload()))
            .setter((b, v) -> b.rawPayload(v == null ? null : v.asByteArray())))
        // Enrichment, written by the analyze function.
        .addAttribute(Double.class, a -> a.name(FeedbackTable.SENTIMENT)
            .getter(f -> f.enrichment() == null ? null : f.enrichment().sentiment())
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), v, null, null, null, null))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.SENTIMENT_LABEL)
            .getter(f -> f.enrichment() == null ? null : f.enrichment().sentimentLabel())
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), null, v, null, null, null))))
        .addAttribute(SdkBytes.class, a -> a.name(FeedbackTable.EMBEDDING)
            .getter(f -> f.enrichment() == null || f.enrichment().embedding() == null ? null
                : SdkBytes.fromByteArray(EmbeddingCodec.encode(f.enrichment().embedding())))
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), null, null,
                v == null ? null : EmbeddingCodec.decode(v.asByteArray()), null, null))))
        .addAttribute(String.class, a -> a.name(FeedbackTable.THEME_ID)
            .getter(f -> f.enrichment() == null ? null : f.enrichment().themeId())
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), null, null, null, v, null))))
        .addAttribute(Instant.class, a -> a.name(FeedbackTable.ANALYZED_AT)
            .getter(f -> f.enrichment() == null ? null : f.enrichment().analyzedAt())
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), null, null, null, null, v))))
        // Derived keys: written for the index and TTL, ignored on read.
        .addAttribute(String.class, a -> a.name(FeedbackTable.DAY).getter(f -> dayOf(f.createdAt())).setter((b, v) -> { })
            .tags(StaticAttributeTags.secondaryPartitionKey(FeedbackTable.BY_DAY_INDEX)))
        .addAttribute(String.class, a -> a.name(FeedbackTable.CREATED_KEY).getter(f -> createdKey(f.createdAt(), f.id()))
            .setter((b, v) -> { })
            .tags(StaticAttributeTags.secondarySortKey(FeedbackTable.BY_DAY_INDEX)))
        .addAttribute(String.class, a -> a.name(FeedbackTable.ANALYZED_DAY)
            .getter(f -> analyzedAt(f) == null ? null : dayOf(analyzedAt(f))).setter((b, v) -> { })
            .tags(StaticAttributeTags.secondaryPartitionKey(FeedbackTable.BY_ANALYZED_INDEX)))
        .addAttribute(String.class, a -> a.name(FeedbackTable.ANALYZED_KEY)
            .getter(f -> analyzedAt(f) == null ? null : analyzedKey(analyzedAt(f), f.id())).setter((b, v) -> { })
            .tags(StaticAttributeTags.secondarySortKey(FeedbackTable.BY_ANALYZED_INDEX)))
        .addAttribute(Long.class, a -> a.name(FeedbackTable.EXPIRES_AT)
            .getter(f -> expires ? f.createdAt().plus(retention).getEpochSecond() : null)
            .setter((b, v) -> { }))
        .build();
  }

  private static Instant analyzedAt(Feedback f) {
    return f.enrichment() == null ? null : f.enrichment().analyzedAt();
  }

  private static Enrichment enrich(Enrichment e, Double sentiment, String label, float[] embedding, String themeId,
                                   Instant analyzedAt) {
    Enrichment base = e == null ? new Enrichment(null, null, null, null, null) : e;
    return new Enrichment(
        sentiment != null ? sentiment : base.sentiment(),
        label != null ? label : base.sentimentLabel(),
        embedding != null ? embedding : base.embedding(),
        themeId != null ? themeId : base.themeId(),
        analyzedAt != null ? analyzedAt : base.analyzedAt());
  }

  static List<String> keyAttributes() {
    return List.of(FeedbackTable.ID, FeedbackTable.DAY, FeedbackTable.CREATED_KEY);
  }
}
