package dev.listeningpost.digest;

import static dev.listeningpost.digest.Items.ADA;
import static dev.listeningpost.digest.Items.GRACE;
import static dev.listeningpost.digest.Items.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.archive.SendRecord;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.send.EmailDeliveryException;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.send.SesEmailSender;
import dev.listeningpost.digest.testing.SesLocal;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The job against dynoxide and the real aws-ses-v2-local, read back from its GET /store. */
@ExtendWith(DynoxideExtension.class)
class DigestJobIT {
  @RegisterExtension
  static final SesLocal SES = new SesLocal();

  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", ZONE);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:00:00Z"), ZoneOffset.UTC);
  private static final List<String> RECIPIENTS = List.of("ceo@example.com", "cmo@example.com");

  private FeedbackStore store;
  private DigestArchive archive;
  private SesV2Client ses;
  private Feedback message;

  @BeforeEach
  void setUp() {
    SES.clear();
    DynamoDbClient client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
    String table = DynoxideExtension.uniqueName("digests");
    TableDefinitions.ensure(client, KeyedTable.definition(table));
    archive = new DigestArchive(client, table);
    ses = SesV2Client.builder().endpointOverride(URI.create(SES.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    message = post("C1:1763990000.000100", ADA, W47.start().plus(Duration.ofHours(10)),
        "The CSV export drops accented names: Zoë becomes Zo?");
    store.create(message);
    store.create(post("C1:1763990000.000200", GRACE, W47.start().plus(Duration.ofHours(30)), "Dark mode please"));
  }

  private DigestJob job(EmailSender sender, Clock clock) {
    DigestComposer composer = new DigestComposer(store, ThemeLabels.NONE, dev.listeningpost.digest.sections.Sections.defaults(),
        DigestProperties.Digest.defaults().composeOptions(), dev.listeningpost.feedback.voice.CustomerVoice.STAFF_ONLY, clock);
    return new DigestJob(composer, new DigestRenderer(), archive, sender,
        new DigestSettings(ZONE, "digest@example.com", RECIPIENTS), clock);
  }

  @Test
  void sendsOneEmailPerRecipientThroughSesOnceAndOnlyOnce() {
    DigestJob job = job(new SesEmailSender(ses), CLOCK);
    DigestResult first = job.runForLastCompleteWeek(CLOCK);

    assertEquals("2026-W47", first.period());
    assertEquals(RECIPIENTS, first.sent());
    assertEquals(List.of(), first.skipped());
    assertFalse(first.reused());
    List<SesLocal.Email> emails = SES.emails();
    assertEquals(2, emails.size());
    assertEquals(RECIPIENTS, emails.stream().map(e -> e.to().get(0)).sorted().toList());
    for (SesLocal.Email e : emails) {
      assertEquals("Listening Post \u2014 week 2026-W47: 2 messages", e.subject());
      assertEquals("digest@example.com", e.from());
      assertTrue(e.text().contains(message.text()), e.text());
      assertTrue(e.text().contains(message.permalink()));
      assertTrue(e.html().contains("href=\"" + message.permalink() + "\""));
      assertTrue(e.html().contains("Zo&euml;") || e.html().contains("Zoë"));
    }
    // The send log keeps SES's message ids.
    List<SendRecord> log = archive.sendLog("2026-W47");
    assertEquals(List.of(SendRecord.Status.SENT, SendRecord.Status.SENT), log.stream().map(SendRecord::status).toList());
    assertEquals(emails.stream().map(SesLocal.Email::messageId).sorted().toList(),
        log.stream().map(SendRecord::messageId).sorted().toList());

    // New feedback arrives for that week and the job runs again (a retry, a manual re-run):
    // same archived content, nothing new sent.
    store.create(post("C1:late", GRACE, W47.start().plus(Duration.ofHours(40)), "late arrival"));
    DigestResult second = job(new SesEmailSender(ses), CLOCK.withZone(ZONE)).run(W47);
    assertEquals(List.of(), second.sent());
    assertEquals(RECIPIENTS, second.skipped());
    assertTrue(second.reused());
    assertEquals(first.subject(), second.subject());
    assertEquals(first.digest().html(), second.digest().html());
    assertEquals(2, SES.emails().size());
    assertEquals("2026-W47", archive.latest().orElseThrow().period());
  }

  @Test
  void aFailedSendReleasesItsClaimAndTheRetrySendsExactlyOnce() {
    AtomicBoolean cmoDown = new AtomicBoolean(true);
    EmailSender real = new SesEmailSender(ses);
    EmailSender flaky = email -> {
      if (cmoDown.get() && email.to().equals("cmo@example.com")) {
        throw new EmailDeliveryException("throttled", null);
      }
      return real.send(email);
    };
    DigestResult first = job(flaky, CLOCK).run(W47);
    assertEquals(List.of("ceo@example.com"), first.sent());
    assertEquals(List.of("cmo@example.com"), first.failed());
    assertFalse(first.complete());
    assertTrue(archive.sendRecord("2026-W47", "cmo@example.com").isEmpty(), "claim released");

    cmoDown.set(false);
    DigestResult retry = job(flaky, CLOCK).run(W47);
    assertEquals(List.of("cmo@example.com"), retry.sent());
    assertEquals(List.of("ceo@example.com"), retry.skipped());
    assertTrue(retry.complete());

    List<SesLocal.Email> emails = SES.emails();
    assertEquals(2, emails.size());
    assertEquals(1, emails.stream().filter(e -> e.to().contains("cmo@example.com")).count());
    assertEquals(1, emails.stream().filter(e -> e.to().contains("ceo@example.com")).count());
    assertEquals(emails.get(0).html(), emails.get(1).html(), "the retry sends the archived content");
  }

  /** What a SIGKILL leaves: nothing after the kill point runs (no release, no markSent, no catch). */
  private static final class Killed extends Error {
    Killed() {
      super("killed", null, false, false);
    }
  }

  @Test
  void killedAfterHalfTheRecipientsTheReRunsLeaveEveryRecipientExactlyOneEmail() {
    List<String> six = List.of("r1@example.com", "r2@example.com", "r3@example.com", "r4@example.com",
        "r5@example.com", "r6@example.com");
    EmailSender real = new SesEmailSender(ses);
    java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();
    // Dies while sending the 4th: three have their email, the 4th is claimed and has none.
    EmailSender dying = email -> {
      if (sends.incrementAndGet() > six.size() / 2) {
        throw new Killed();
      }
      return real.send(email);
    };
    DigestComposer composer = new DigestComposer(store, ThemeLabels.NONE, dev.listeningpost.digest.sections.Sections.defaults(),
        DigestProperties.Digest.defaults().composeOptions(), dev.listeningpost.feedback.voice.CustomerVoice.STAFF_ONLY, CLOCK);
    DigestSettings settings = new DigestSettings(ZONE, "digest@example.com", six);
    org.junit.jupiter.api.Assertions.assertThrows(Killed.class,
        () -> new DigestJob(composer, new DigestRenderer(), archive, dying, settings, CLOCK).run(W47));
    assertEquals(3, SES.emails().size());

    // The scheduler's retry, minutes later: the rest are sent; the 4th's claim is still fresh (its run might
    // still be sending), so it waits.
    Clock retry = Clock.offset(CLOCK, Duration.ofMinutes(5));
    DigestResult second = new DigestJob(composer, new DigestRenderer(), archive, real, settings, retry).run(W47);
    assertEquals(List.of("r5@example.com", "r6@example.com"), second.sent());
    assertEquals(List.of("r1@example.com", "r2@example.com", "r3@example.com", "r4@example.com"), second.skipped());

    // The next retry, past the stale-claim timeout: the dead run's claim is taken over, the 4th is sent.
    Clock later = Clock.offset(CLOCK, Duration.ofMinutes(30));
    DigestResult third = new DigestJob(composer, new DigestRenderer(), archive, real, settings, later).run(W47);
    assertEquals(List.of("r4@example.com"), third.sent());

    java.util.Map<String, Long> perRecipient = SES.emails().stream().collect(
        java.util.stream.Collectors.groupingBy(e -> e.to().get(0), java.util.stream.Collectors.counting()));
    assertEquals(six.stream().collect(java.util.stream.Collectors.toMap(r -> r, r -> 1L)), perRecipient);
    assertTrue(archive.sendLog("2026-W47").stream().allMatch(r -> r.status() == SendRecord.Status.SENT));
  }
}
