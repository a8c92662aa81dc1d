package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The alerts' idempotency records and hourly rate counters, on the digest table (a {@link KeyedTable}):
 *
 * <pre>
 * pk = ALERT#{kind}#{subject}  sk = {window start}   status CLAIMED | SENT | SUPPRESSED, claimId, claimedAt, title
 * pk = ALERTS#RATE             sk = {UTC hour}       raised: alerts sent (or being sent) in that hour
 * </pre>
 *
 * <p>Never the same alert twice: a run {@link #claim claims} an alert's key with a conditional put before
 * sending it, and marks it SENT (or SUPPRESSED, over the rate limit) afterwards; a key that exists is never
 * sent again. A claim left by a run that died mid-send is taken over once it is older than the stale-claim
 * timeout (longer than the function's maximum run time).
 */
public class AlertStore {
  static final String RATE_PK = "ALERTS#RATE";
  private static final String PK = KeyedTable.PK;
  private static final String SK = KeyedTable.SK;

  /** What became of a claimed alert. */
  public enum Status { CLAIMED, SENT, SUPPRESSED }

  /** The right to send one alert, held by one run. */
  public record Claim(String pk, String sk, String claimId) {
  }

  private final DynamoDbClient dynamo;
  private final String table;
  private final Duration staleClaim;

  public AlertStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Duration.ofMinutes(15));
  }

  public AlertStore(DynamoDbClient dynamo, String table, Duration staleClaim) {
    this.dynamo = dynamo;
    this.table = table;
    this.staleClaim = staleClaim;
  }

  static String pk(Alert alert) {
    return "ALERT#" + alert.kind().wire() + "#" + alert.subject();
  }

  /** Takes the alert's key, unless an earlier run sent it, suppressed it, or is sending it now. */
  public Optional<Claim> claim(Alert alert, Instant now) {
    Claim claim = new Claim(pk(alert), alert.window().id(), UUID.randomUUID().toString());
    Map<String, AttributeValue> item = new HashMap<>(key(claim.pk(), claim.sk()));
    item.put("status", s(Status.CLAIMED.name()));
    item.put("claimId", s(claim.claimId()));
    item.put("claimedAt", s(now.toString()));
    item.put("alertKey", s(alert.key()));
    item.put("title", s(alert.title()));
    return guarded(() -> {
      try {
        dynamo.putItem(b -> b.tableName(table).item(item)
            .conditionExpression("attribute_not_exists(#pk) OR (#status = :claimed AND #claimedAt < :stale)")
            .expressionAttributeNames(Map.of("#pk", PK, "#status", "status", "#claimedAt", "claimedAt"))
            .expressionAttributeValues(Map.of(":claimed", s(Status.CLAIMED.name()),
                ":stale", s(now.minus(staleClaim).toString()))));
        return Optional.of(claim);
      } catch (ConditionalCheckFailedException taken) {
        return Optional.empty();
      }
    });
  }

  /** Records how the claimed alert ended (SENT or SUPPRESSED); the key stays, so it is never sent again. */
  public void finish(Claim claim, Status status, Instant now) {
    guarded(() -> {
      try {
        dynamo.updateItem(b -> b.tableName(table).key(key(claim.pk(), claim.sk()))
            .updateExpression("SET #status = :status, #finishedAt = :now")
            .conditionExpression("#claimId = :me")
            .expressionAttributeNames(Map.of("#status", "status", "#finishedAt", "finishedAt", "#claimId", "claimId"))
            .expressionAttributeValues(Map.of(":status", s(status.name()), ":now", s(now.toString()),
                ":me", s(claim.claimId()))));
      } catch (ConditionalCheckFailedException lost) {
        // Another run took the claim over as stale: it owns the record now.
      }
      return null;
    });
  }

  /** Gives the key back after a failed send, so the next run (or the scheduler's retry) sends it. */
  public void release(Claim claim) {
    guarded(() -> {
      try {
        dynamo.deleteItem(b -> b.tableName(table).key(key(claim.pk(), claim.sk()))
            .conditionExpression("#claimId = :me")
            .expressionAttributeNames(Map.of("#claimId", "claimId"))
            .expressionAttributeValues(Map.of(":me", s(claim.claimId()))));
      } catch (ConditionalCheckFailedException lost) {
        // Taken over by another run: not ours to delete.
      }
      return null;
    });
  }

  /** Counts one alert against the hour of {@code now}, unless {@code max} are already counted. */
  public boolean takeSlot(Instant now, int max) {
    return guarded(() -> {
      try {
        dynamo.updateItem(b -> b.tableName(table).key(key(RATE_PK, hour(now)))
            .updateExpression("ADD #raised :one")
            .conditionExpression("attribute_not_exists(#raised) OR #raised < :max")
            .expressionAttributeNames(Map.of("#raised", "raised"))
            .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max))));
        return true;
      } catch (ConditionalCheckFailedException full) {
        return false;
      }
    });
  }

  /** Un-counts an alert that was not sent after all. */
  public void returnSlot(Instant now) {
    guarded(() -> dynamo.updateItem(b -> b.tableName(table).key(key(RATE_PK, hour(now)))
        .updateExpression("ADD #raised :minus")
        .expressionAttributeNames(Map.of("#raised", "raised"))
        .expressionAttributeValues(Map.of(":minus", n(-1)))));
  }

  /** The status recorded for an alert, if any (tests, operators). */
  public Optional<Status> status(Alert alert) {
    return guarded(() -> {
      Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(pk(alert), alert.window().id()))
          .consistentRead(true)).item();
      return item == null || item.isEmpty() ? Optional.<Status>empty()
          : Optional.of(Status.valueOf(item.get("status").s()));
    });
  }

  /** {@code 2026-11-17T10}: the rate limit's bucket. */
  static String hour(Instant now) {
    return now.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, s(pk), SK, s(sk));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(int v) {
    return AttributeValue.fromN(Integer.toString(v));
  }

  private <T> T guarded(Supplier<T> op) {
    try {
      return op.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new StorageUnavailableException("alert records unavailable in " + table + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
