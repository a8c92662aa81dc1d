package dev.listeningpost.feedback.store;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.Feedback.ThreadRef;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * Static (reflection-free) DynamoDB mapping of {@link Feedback}. Attribute names are the storage
 * contract documented in docs/architecture.md; change them only with a migration.
 */
public final class FeedbackSchema {
  /** GSI that serves every "items created in a period" read: partition = UTC day. */
  public static final String BY_DAY_INDEX = "byDay";
  public static final String ID = "id";
  public static final String DAY = "day";
  public static final String CREATED_KEY = "createdKey";
  public static final String EXPIRES_AT = "expiresAt";
  /**
   * Sparse GSI over analysed items: partition = UTC day of {@code analyzedAt}, so the nightly
   * themes job reads what was analysed since its last run, whatever the items' creation times.
   */
  public static final String BY_ANALYZED_INDEX = "byAnalyzedDay";
  public static final String ANALYZED_DAY = "analyzedDay";
  public static final String ANALYZED_KEY = "analyzedKey";

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
   * @param retention how long items are kept (DynamoDB TTL on {@value #EXPIRES_AT});
   *                  zero or negative keeps them forever
   */
  public static StaticImmutableTableSchema<Feedback, Feedback.Builder> create(Duration retention) {
    boolean expires = retention != null && !retention.isZero() && !retention.isNegative();
    return StaticImmutableTableSchema.builder(Feedback.class, Feedback.Builder.class)
        .newItemBuilder(Feedback::builder, Feedback.Builder::build)
        .addAttribute(String.class, a -> a.name(ID).getter(Feedback::id).setter(Feedback.Builder::id)
            .tags(StaticAttributeTags.primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name("channel").getter(Feedback::channel).setter(Feedback.Builder::channel))
        .addAttribute(String.class, a -> a.name("workspace").getter(Feedback::workspace).setter(Feedback.Builder::workspace))
        .addAttribute(String.class, a -> a.name("sourceId").getter(Feedback::sourceId).setter(Feedback.Builder::sourceId))
        .addAttribute(String.class, a -> a.name("kind").getter(f -> f.kind().name())
            .setter((b, v) -> b.kind(v == null ? null : Feedback.Kind.valueOf(v))))
        .addAttribute(String.class, a -> a.name("text").getter(f -> f.text().isEmpty() ? null : f.text())
            .setter(Feedback.Builder::text))
        .addAttribute(String.class, a -> a.name("authorId").getter(f -> f.author().id())
            .setter((b, v) -> b.author(new Author(v, b.author().handle(), b.author().displayName(), b.author().staff()))))
        .addAttribute(String.class, a -> a.name("authorHandle").getter(f -> f.author().handle())
            .setter((b, v) -> b.author(new Author(b.author().id(), v, b.author().displayName(), b.author().staff()))))
        .addAttribute(String.class, a -> a.name("authorName").getter(f -> f.author().displayName())
            .setter((b, v) -> b.author(new Author(b.author().id(), b.author().handle(), v, b.author().staff()))))
        .addAttribute(Boolean.class, a -> a.name("authorStaff").getter(f -> f.author().staff())
            .setter((b, v) -> b.author(new Author(b.author().id(), b.author().handle(), b.author().displayName(),
                Boolean.TRUE.equals(v)))))
        .addAttribute(String.class, a -> a.name("threadId").getter(f -> f.thread().threadId())
            .setter((b, v) -> b.thread(new ThreadRef(v, b.thread().parentId(), b.thread().inReplyToAuthorId()))))
        .addAttribute(String.class, a -> a.name("parentId").getter(f -> f.thread().parentId())
            .setter((b, v) -> b.thread(new ThreadRef(b.thread().threadId(), v, b.thread().inReplyToAuthorId()))))
        .addAttribute(String.class, a -> a.name("inReplyToAuthorId").getter(f -> f.thread().inReplyToAuthorId())
            .setter((b, v) -> b.thread(new ThreadRef(b.thread().threadId(), b.thread().parentId(), v))))
        .addAttribute(String.class, a -> a.name("permalink").getter(Feedback::permalink).setter(Feedback.Builder::permalink))
        .addAttribute(Instant.class, a -> a.name("createdAt").getter(Feedback::createdAt).setter(Feedback.Builder::createdAt))
        .addAttribute(Instant.class, a -> a.name("receivedAt").getter(Feedback::receivedAt).setter(Feedback.Builder::receivedAt))
        .addAttribute(Double.class, a -> a.name("score").getter(Feedback::score).setter(Feedback.Builder::score))
        .addAttribute(String.class, a -> a.name("deliveryId").getter(Feedback::deliveryId).setter(Feedback.Builder::deliveryId))
        .addAttribute(EnhancedType.listOf(String.class), a -> a.name("hashtags")
            .getter(f -> f.hashtags().isEmpty() ? null : f.hashtags()).setter(Feedback.Builder::hashtags))
        .addAttribute(String.class, a -> a.name("status").getter(f -> f.status().name())
            .setter((b, v) -> b.status(v == null ? null : Feedback.Status.valueOf(v))))
        .addAttribute(SdkBytes.class, a -> a.name("raw")
            .getter(f -> f.rawPayload() == null ? null : SdkBytes.fromByteArray(f.rawPayload()))
            .setter((b, v) -> b.rawPayload(v == null ? null : v.asByteArray())))
        // Enrichment, written by the analyze function.
        .addAttribute(Double.class, a -> a.name("sentiment")
            .getter(f -> f.enrichment() == null ? null : f.enrichment().sentiment())
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), v, null, null, null, null))))
        .addAttribute(String.class, a -> a.name("sentimentLabel")
            .getter(f -> f.enrichment() == null ? null : f.enrichment().sentimentLabel())
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), null, v, null, null, null))))
        .addAttribute(SdkBytes.class, a -> a.name("embedding")
            .getter(f -> f.enrichment() == null || f.enrichment().embedding() == null ? null
                : SdkBytes.fromByteArray(toBytes(f.enrichment().embedding())))
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), null, null, v == null ? null : toFloats(v.asByteArray()), null, null))))
        .addAttribute(String.class, a -> a.name("themeId")
            .getter(f -> f.enrichment() == null ? null : f.enrichment().themeId())
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), null, null, null, v, null))))
        .addAttribute(Instant.class, a -> a.name("analyzedAt")
            .getter(f -> f.enrichment() == null ? null : f.enrichment().analyzedAt())
            .setter((b, v) -> b.enrichment(enrich(b.enrichment(), null, null, null, null, v))))
        // Derived keys: written for the index and TTL, ignored on read.
        .addAttribute(String.class, a -> a.name(DAY).getter(f -> dayOf(f.createdAt())).setter((b, v) -> { })
            .tags(StaticAttributeTags.secondaryPartitionKey(BY_DAY_INDEX)))
        .addAttribute(String.class, a -> a.name(CREATED_KEY).getter(f -> createdKey(f.createdAt(), f.id()))
            .setter((b, v) -> { })
            .tags(StaticAttributeTags.secondarySortKey(BY_DAY_INDEX)))
        .addAttribute(String.class, a -> a.name(ANALYZED_DAY)
            .getter(f -> analyzedAt(f) == null ? null : dayOf(analyzedAt(f))).setter((b, v) -> { })
            .tags(StaticAttributeTags.secondaryPartitionKey(BY_ANALYZED_INDEX)))
        .addAttribute(String.class, a -> a.name(ANALYZED_KEY)
            .getter(f -> analyzedAt(f) == null ? null : analyzedKey(analyzedAt(f), f.id())).setter((b, v) -> { })
            .tags(StaticAttributeTags.secondarySortKey(BY_ANALYZED_INDEX)))
        .addAttribute(Long.class, a -> a.name(EXPIRES_AT)
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

  /** Embeddings are stored as little-endian float32: 384 dims = 1.5 KB per item. */
  public static byte[] toBytes(float[] v) {
    ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      buf.putFloat(f);
    }
    return buf.array();
  }

  public static float[] toFloats(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[b.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = buf.getFloat();
    }
    return v;
  }

  static List<String> keyAttributes() {
    return List.of(ID, DAY, CREATED_KEY);
  }
}
