package dev.listeningpost.digest.archive;

import static dev.listeningpost.digest.archive.ArchiveSchemas.DIGEST_SK;
import static dev.listeningpost.digest.archive.ArchiveSchemas.LATEST_PK;
import static dev.listeningpost.digest.archive.ArchiveSchemas.SEND_PREFIX;
import static dev.listeningpost.digest.archive.ArchiveSchemas.digestPk;
import static dev.listeningpost.digest.archive.ArchiveSchemas.sendSk;

import dev.listeningpost.feedback.store.StorageUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Archive and send log of digests, on a pk/sk table (see {@link ArchiveSchemas} for the keys).
 *
 * <p>Exactly-once delivery per period and recipient: a run {@link #claim claims} a recipient with
 * a conditional put before sending, {@link #markSent marks} the claim SENT afterwards, or
 * {@link #release releases} it when sending failed so the next run retries. A claim left behind
 * by a run that died mid-send is taken over once it is older than the stale-claim timeout (longer
 * than the function's maximum run time), so a crash costs at most a late email, not a lost one.
 */
public class DigestArchive {
  private final DynamoDbTable<ArchivedDigest> digests;
  private final DynamoDbTable<SendRecord> sends;
  private final DynamoDbTable<ArchiveSchemas.Latest> latest;
  private final String tableName;
  private final Duration staleClaim;

  public DigestArchive(DynamoDbClient dynamo, String tableName) {
    this(dynamo, tableName, Duration.ofMinutes(15));
  }

  /** @param staleClaim a CLAIMED entry older than this belongs to a dead run and may be taken over */
  public DigestArchive(DynamoDbClient dynamo, String tableName, Duration staleClaim) {
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.digests = enhanced.table(tableName, ArchiveSchemas.DIGEST);
    this.sends = enhanced.table(tableName, ArchiveSchemas.SEND);
    this.latest = enhanced.table(tableName, ArchiveSchemas.LATEST);
    this.tableName = tableName;
    this.staleClaim = staleClaim;
  }

  public String tableName() {
    return tableName;
  }

  /** The archived digest of a period, if any. */
  public Optional<ArchivedDigest> find(String period) {
    return guarded(() -> Optional.ofNullable(digests.getItem(GetItemEnhancedRequest.builder()
        .key(key(digestPk(period), DIGEST_SK)).consistentRead(true).build())));
  }

  /**
   * Stores the digest unless the period already has one, and returns the one that is stored:
   * the first run's content wins, so every recipient gets the same email.
   */
  public ArchivedDigest archiveIfAbsent(ArchivedDigest digest) {
    ArchivedDigest stored = guarded(() -> {
      try {
        digests.putItem(PutItemEnhancedRequest.builder(ArchivedDigest.class).item(digest)
            .conditionExpression(notExists()).build());
        return digest;
      } catch (ConditionalCheckFailedException exists) {
        return find(digest.period()).orElseThrow(() -> new IllegalStateException("digest vanished: " + digest.period()));
      }
    });
    pointLatestTo(stored);
    return stored;
  }

  /** The newest archived digest (by period, not by when it was composed). Two key lookups, no scan. */
  public Optional<ArchivedDigest> latest() {
    return guarded(() -> Optional.ofNullable(latest.getItem(key(LATEST_PK, DIGEST_SK))))
        .flatMap(l -> find(l.period()));
  }

  private void pointLatestTo(ArchivedDigest d) {
    guarded(() -> {
      try {
        // Only move forward: re-running an old week must not make it "latest".
        latest.putItem(PutItemEnhancedRequest.builder(ArchiveSchemas.Latest.class)
            .item(new ArchiveSchemas.Latest(d.period(), d.periodStart()))
            .conditionExpression(Expression.builder()
                .expression("attribute_not_exists(#pk) OR #start <= :start")
                .putExpressionName("#pk", ArchiveSchemas.PK).putExpressionName("#start", "periodStart")
                .putExpressionValue(":start", AttributeValue.fromS(d.periodStart().toString())).build())
            .build());
      } catch (ConditionalCheckFailedException newer) {
        // A later period is already the latest.
      }
      return null;
    });
  }

  /** Tries to take the right to send {@code period}'s digest to {@code recipient}. */
  public Claim claim(String period, String recipient, Instant now) {
    String to = normalize(recipient);
    SendRecord mine = new SendRecord(period, to, SendRecord.Status.CLAIMED, UUID.randomUUID().toString(), now,
        null, null);
    return guarded(() -> {
      try {
        sends.putItem(PutItemEnhancedRequest.builder(SendRecord.class).item(mine).conditionExpression(notExists()).build());
        return new Claim(Claim.Outcome.CLAIMED, mine);
      } catch (ConditionalCheckFailedException taken) {
        SendRecord existing = sendRecord(period, to).orElse(null);
        if (existing == null) {
          // Released between our put and our read: try once more.
          return claim(period, recipient, now);
        }
        if (existing.status() == SendRecord.Status.SENT) {
          return new Claim(Claim.Outcome.ALREADY_SENT, existing);
        }
        if (existing.claimedAt() != null && existing.claimedAt().plus(staleClaim).isBefore(now)) {
          try {
            sends.putItem(PutItemEnhancedRequest.builder(SendRecord.class).item(mine)
                .conditionExpression(sameClaim(existing.claimId())).build());
            return new Claim(Claim.Outcome.CLAIMED, mine);
          } catch (ConditionalCheckFailedException lostRace) {
            return new Claim(Claim.Outcome.IN_PROGRESS, existing);
          }
        }
        return new Claim(Claim.Outcome.IN_PROGRESS, existing);
      }
    });
  }

  /** Completes a claim: the email was accepted by the transport. */
  public SendRecord markSent(SendRecord claim, String messageId, Instant sentAt) {
    SendRecord sent = new SendRecord(claim.period(), claim.recipient(), SendRecord.Status.SENT, claim.claimId(),
        claim.claimedAt(), sentAt, messageId);
    return guarded(() -> {
      sends.putItem(PutItemEnhancedRequest.builder(SendRecord.class).item(sent)
          .conditionExpression(sameClaim(claim.claimId())).build());
      return sent;
    });
  }

  /** Gives a claim back after a failed send, so the next run sends. No-op if it is no longer ours. */
  public void release(SendRecord claim) {
    guarded(() -> {
      try {
        sends.deleteItem(DeleteItemEnhancedRequest.builder().key(key(digestPk(claim.period()), sendSk(claim.recipient())))
            .conditionExpression(sameClaim(claim.claimId())).build());
      } catch (ConditionalCheckFailedException notOurs) {
        // Taken over or already gone.
      }
      return null;
    });
  }

  public Optional<SendRecord> sendRecord(String period, String recipient) {
    return guarded(() -> Optional.ofNullable(sends.getItem(GetItemEnhancedRequest.builder()
        .key(key(digestPk(period), sendSk(normalize(recipient)))).consistentRead(true).build())));
  }

  /** The send log of a period (one Query on its partition). */
  public List<SendRecord> sendLog(String period) {
    return guarded(() -> sends.query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.sortBeginsWith(key(digestPk(period), SEND_PREFIX)))
            .consistentRead(true).build())
        .items().stream().toList());
  }

  /** Recipients are keyed case-insensitively: Ada@Example.com and ada@example.com are one inbox. */
  public static String normalize(String recipient) {
    return recipient.strip().toLowerCase(Locale.ROOT);
  }

  private static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }

  private static Expression notExists() {
    return Expression.builder().expression("attribute_not_exists(#pk)").putExpressionName("#pk", ArchiveSchemas.PK).build();
  }

  private static Expression sameClaim(String claimId) {
    return Expression.builder().expression("#claim = :claim AND #status = :claimed")
        .putExpressionName("#claim", "claimId").putExpressionValue(":claim", AttributeValue.fromS(claimId))
        .putExpressionName("#status", "status")
        .putExpressionValue(":claimed", AttributeValue.fromS(SendRecord.Status.CLAIMED.name())).build();
  }

  private static <T> T guarded(Supplier<T> op) {
    try {
      return op.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new StorageUnavailableException("digest table unavailable: " + e.getClass().getSimpleName(), e);
    }
  }
}
