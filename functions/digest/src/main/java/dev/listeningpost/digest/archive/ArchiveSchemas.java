package dev.listeningpost.digest.archive;

import dev.listeningpost.feedback.store.KeyedTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The digest table's contract and static (reflection-free) mappings: digest items on a generic
 * pk/sk table ({@link KeyedTable}).
 *
 * <pre>
 * pk = DIGEST#2026-W47  sk = DIGEST               the rendered digest and its counts
 * pk = DIGEST#2026-W47  sk = SEND#ada@example.com  send claim / log per recipient
 * pk = LATEST           sk = DIGEST               pointer to the newest period archived
 * </pre>
 */
final class ArchiveSchemas {
  static final String PK = KeyedTable.PK;
  static final String SK = KeyedTable.SK;
  static final String DIGEST_SK = "DIGEST";
  static final String SEND_PREFIX = "SEND#";
  static final String LATEST_PK = "LATEST";

  private ArchiveSchemas() {
  }

  static String digestPk(String period) {
    return "DIGEST#" + period;
  }

  static String sendSk(String recipient) {
    return SEND_PREFIX + recipient;
  }

  static final TableSchema<ArchivedDigest> DIGEST = StaticImmutableTableSchema
      .builder(ArchivedDigest.class, ArchivedDigest.Builder.class)
      .newItemBuilder(ArchivedDigest.Builder::new, ArchivedDigest.Builder::build)
      .addAttribute(String.class, a -> a.name(PK).getter(d -> digestPk(d.period())).setter((b, v) -> { })
          .tags(StaticAttributeTags.primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(SK).getter(d -> DIGEST_SK).setter((b, v) -> { })
          .tags(StaticAttributeTags.primarySortKey()))
      .addAttribute(String.class, a -> a.name("period").getter(ArchivedDigest::period).setter((b, v) -> b.period = v))
      .addAttribute(Instant.class, a -> a.name("periodStart").getter(ArchivedDigest::periodStart)
          .setter((b, v) -> b.periodStart = v))
      .addAttribute(String.class, a -> a.name("timeZone").getter(ArchivedDigest::timeZone).setter((b, v) -> b.timeZone = v))
      .addAttribute(String.class, a -> a.name("subject").getter(ArchivedDigest::subject).setter((b, v) -> b.subject = v))
      .addAttribute(String.class, a -> a.name("html").getter(ArchivedDigest::html).setter((b, v) -> b.html = v))
      .addAttribute(String.class, a -> a.name("text").getter(ArchivedDigest::text).setter((b, v) -> b.text = v))
      .addAttribute(Instant.class, a -> a.name("composedAt").getter(ArchivedDigest::composedAt)
          .setter((b, v) -> b.composedAt = v))
      .addAttribute(Integer.class, a -> a.name("messages").getter(d -> d.counts().messages())
          .setter((b, v) -> b.messages = v == null ? 0 : v))
      .addAttribute(Integer.class, a -> a.name("previousMessages").getter(d -> d.counts().previousMessages())
          .setter((b, v) -> b.previousMessages = v == null ? 0 : v))
      .addAttribute(Integer.class, a -> a.name("analyzed").getter(d -> d.counts().analyzed())
          .setter((b, v) -> b.analyzed = v == null ? 0 : v))
      .addAttribute(Double.class, a -> a.name("netSentiment").getter(d -> d.counts().netSentiment())
          .setter((b, v) -> b.netSentiment = v))
      .addAttribute(Integer.class, a -> a.name("replies").getter(d -> d.counts().replies())
          .setter((b, v) -> b.replies = v == null ? 0 : v))
      .addAttribute(Integer.class, a -> a.name("memberReplies").getter(d -> d.counts().memberReplies())
          .setter((b, v) -> b.memberReplies = v == null ? 0 : v))
      .addAttribute(Integer.class, a -> a.name("unanswered").getter(d -> d.counts().unanswered())
          .setter((b, v) -> b.unanswered = v == null ? 0 : v))
      .build();

  static final TableSchema<SendRecord> SEND = StaticImmutableTableSchema
      .builder(SendRecord.class, SendRecord.Builder.class)
      .newItemBuilder(SendRecord.Builder::new, SendRecord.Builder::build)
      .addAttribute(String.class, a -> a.name(PK).getter(r -> digestPk(r.period())).setter((b, v) -> { })
          .tags(StaticAttributeTags.primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(SK).getter(r -> sendSk(r.recipient())).setter((b, v) -> { })
          .tags(StaticAttributeTags.primarySortKey()))
      .addAttribute(String.class, a -> a.name("period").getter(SendRecord::period).setter((b, v) -> b.period = v))
      .addAttribute(String.class, a -> a.name("recipient").getter(SendRecord::recipient).setter((b, v) -> b.recipient = v))
      .addAttribute(String.class, a -> a.name("status").getter(r -> r.status().name())
          .setter((b, v) -> b.status = v == null ? null : SendRecord.Status.valueOf(v)))
      .addAttribute(String.class, a -> a.name("claimId").getter(SendRecord::claimId).setter((b, v) -> b.claimId = v))
      .addAttribute(Instant.class, a -> a.name("claimedAt").getter(SendRecord::claimedAt).setter((b, v) -> b.claimedAt = v))
      .addAttribute(Instant.class, a -> a.name("sentAt").getter(SendRecord::sentAt).setter((b, v) -> b.sentAt = v))
      .addAttribute(String.class, a -> a.name("messageId").getter(SendRecord::messageId).setter((b, v) -> b.messageId = v))
      .build();

  /** The newest archived period. */
  record Latest(String period, Instant periodStart) {
  }

  static final class LatestBuilder {
    String period;
    Instant periodStart;

    Latest build() {
      return new Latest(period, periodStart);
    }
  }

  static final TableSchema<Latest> LATEST = StaticImmutableTableSchema
      .builder(Latest.class, LatestBuilder.class)
      .newItemBuilder(LatestBuilder::new, LatestBuilder::build)
      .addAttribute(String.class, a -> a.name(PK).getter(l -> LATEST_PK).setter((b, v) -> { })
          .tags(StaticAttributeTags.primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(SK).getter(l -> DIGEST_SK).setter((b, v) -> { })
          .tags(StaticAttributeTags.primarySortKey()))
      .addAttribute(String.class, a -> a.name("period").getter(Latest::period).setter((b, v) -> b.period = v))
      .addAttribute(Instant.class, a -> a.name("periodStart").getter(Latest::periodStart)
          .setter((b, v) -> b.periodStart = v))
      .build();
}
