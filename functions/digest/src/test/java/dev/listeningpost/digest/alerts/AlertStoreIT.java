package dev.listeningpost.digest.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The idempotency records and the hourly rate counter against dynoxide. */
@ExtendWith(DynoxideExtension.class)
class AlertStoreIT {
  private static final Instant T = Instant.parse("2026-11-17T11:05:00Z");
  private static final Alert SPIKE = new Alert(AlertKind.NEGATIVE_SPIKE, "customers", AlertFixtures.WINDOW, "Spike",
      List.of(), null, List.of());

  private AlertStore store;

  @BeforeEach
  void setUp() {
    DynamoDbClient client = DynoxideExtension.client();
    String table = DynoxideExtension.uniqueName("digests");
    TableDefinitions.ensure(client, KeyedTable.definition(table));
    store = new AlertStore(client, table, Duration.ofMinutes(15));
  }

  @Test
  void theRateLimitCountsPerClockHour() {
    assertTrue(store.takeSlot(T, 2));
    assertTrue(store.takeSlot(T.plus(Duration.ofMinutes(30)), 2));
    assertFalse(store.takeSlot(T.plus(Duration.ofMinutes(50)), 2), "the third alert of 11:00-12:00");
    assertTrue(store.takeSlot(T.plus(Duration.ofMinutes(60)), 2), "a new hour");

    store.returnSlot(T);
    assertTrue(store.takeSlot(T, 2), "a slot given back by a failed send");
  }

  @Test
  void aKeyIsClaimedOnceAndStaysTakenWhenSentOrSuppressed() {
    Optional<AlertStore.Claim> claim = store.claim(SPIKE, T);
    assertTrue(claim.isPresent());
    assertTrue(store.claim(SPIKE, T).isEmpty(), "being sent by another run");

    store.finish(claim.get(), AlertStore.Status.SENT, T);

    assertTrue(store.claim(SPIKE, T.plus(Duration.ofHours(2))).isEmpty(), "sent: never again, even much later");
    assertEquals(Optional.of(AlertStore.Status.SENT), store.status(SPIKE));
  }

  @Test
  void aReleasedOrStaleClaimCanBeTakenAgain() {
    AlertStore.Claim first = store.claim(SPIKE, T).orElseThrow();
    store.release(first);
    AlertStore.Claim second = store.claim(SPIKE, T).orElseThrow();

    assertTrue(store.claim(SPIKE, T.plus(Duration.ofMinutes(16))).isPresent(), "a dead run's claim is taken over");
    store.finish(second, AlertStore.Status.SENT, T);
    assertEquals(Optional.of(AlertStore.Status.CLAIMED), store.status(SPIKE), "the dead run cannot finish it");
  }
}
