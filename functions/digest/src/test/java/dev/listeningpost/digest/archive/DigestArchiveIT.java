package dev.listeningpost.digest.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.listeningpost.feedback.store.KeyedTable;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynoxideExtension.class)
class DigestArchiveIT {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
  private DynamoDbClient client;
  private DigestArchive archive;

  @BeforeEach
  void setUp() {
    client = DynoxideExtension.client();
    String table = DynoxideExtension.uniqueName("digests");
    TableDefinitions.ensure(client, KeyedTable.definition(table));
    archive = new DigestArchive(client, table, Duration.ofMinutes(15));
  }

  private static ArchivedDigest digest(String period, String subject) {
    ReportingPeriod p = ReportingPeriod.parse(period, ZONE);
    return new ArchivedDigest(period, p.start(), ZONE.getId(), subject, "<p>" + subject + "</p>", subject,
        T0, new Digest.Counts(12, 10, 8, 0.25, 4, 3, 1));
  }

  @Test
  void firstArchivedContentWinsAndRoundTrips() {
    assertTrue(archive.find("2026-W47").isEmpty());
    ArchivedDigest first = archive.archiveIfAbsent(digest("2026-W47", "first"));
    ArchivedDigest second = archive.archiveIfAbsent(digest("2026-W47", "second"));
    assertEquals(first, second);
    ArchivedDigest back = archive.find("2026-W47").orElseThrow();
    assertEquals("first", back.subject());
    assertEquals("<p>first</p>", back.html());
    assertEquals(new Digest.Counts(12, 10, 8, 0.25, 4, 3, 1), back.counts());
    assertEquals(ReportingPeriod.parse("2026-W47", ZONE).start(), back.periodStart());
    assertEquals("Europe/Berlin", back.timeZone());
  }

  @Test
  void nullSentimentRoundTrips() {
    ReportingPeriod p = ReportingPeriod.parse("2026-W40", ZONE);
    archive.archiveIfAbsent(new ArchivedDigest("2026-W40", p.start(), ZONE.getId(), "s", "h", "t", T0,
        new Digest.Counts(0, 0, 0, null, 0, 0, 0)));
    assertNull(archive.find("2026-W40").orElseThrow().counts().netSentiment());
  }

  @Test
  void latestIsTheNewestPeriodNotTheLastWritten() {
    assertTrue(archive.latest().isEmpty());
    archive.archiveIfAbsent(digest("2026-W46", "w46"));
    assertEquals("w46", archive.latest().orElseThrow().subject());
    archive.archiveIfAbsent(digest("2026-W47", "w47"));
    archive.archiveIfAbsent(digest("2026-W45", "w45 backfilled later"));
    assertEquals("w47", archive.latest().orElseThrow().subject());
  }

  @Test
  void claimThenSentIsExclusive() {
    Claim mine = archive.claim("2026-W47", "Ada@Example.com", T0);
    assertEquals(Claim.Outcome.CLAIMED, mine.outcome());
    // A concurrent run for the same recipient (any spelling) gets nothing while we send.
    assertEquals(Claim.Outcome.IN_PROGRESS, archive.claim("2026-W47", "ada@example.com", T0.plusSeconds(5)).outcome());
    archive.markSent(mine.record(), "msg-1", T0.plusSeconds(1));
    Claim again = archive.claim("2026-W47", "ada@example.com", T0.plus(Duration.ofDays(3)));
    assertEquals(Claim.Outcome.ALREADY_SENT, again.outcome());
    assertEquals("msg-1", again.record().messageId());
    // Another recipient and another period are independent.
    assertTrue(archive.claim("2026-W47", "grace@example.com", T0).granted());
    assertTrue(archive.claim("2026-W48", "ada@example.com", T0).granted());
    assertEquals(List.of("ada@example.com", "grace@example.com"),
        archive.sendLog("2026-W47").stream().map(SendRecord::recipient).toList());
  }

  @Test
  void releasedClaimCanBeTakenAgain() {
    Claim first = archive.claim("2026-W47", "ada@example.com", T0);
    archive.release(first.record());
    assertTrue(archive.sendRecord("2026-W47", "ada@example.com").isEmpty());
    Claim retry = archive.claim("2026-W47", "ada@example.com", T0.plusSeconds(60));
    assertTrue(retry.granted());
    // The first run's late release or completion cannot touch the retry's claim.
    archive.release(first.record());
    assertEquals(retry.record().claimId(), archive.sendRecord("2026-W47", "ada@example.com").orElseThrow().claimId());
  }

  @Test
  void staleClaimOfADeadRunIsTakenOver() {
    Claim dead = archive.claim("2026-W47", "ada@example.com", T0);
    assertEquals(Claim.Outcome.IN_PROGRESS, archive.claim("2026-W47", "ada@example.com", T0.plus(Duration.ofMinutes(10))).outcome());
    Claim takeover = archive.claim("2026-W47", "ada@example.com", T0.plus(Duration.ofMinutes(16)));
    assertTrue(takeover.granted());
    assertTrue(!takeover.record().claimId().equals(dead.record().claimId()));
  }
}
