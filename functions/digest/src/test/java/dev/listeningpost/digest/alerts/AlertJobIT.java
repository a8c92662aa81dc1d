package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.voice.CustomerVoice;
import static dev.listeningpost.digest.alerts.AlertFixtures.BASELINE;
import static dev.listeningpost.digest.alerts.AlertFixtures.LABELS;
import static dev.listeningpost.digest.alerts.AlertFixtures.NOW;
import static dev.listeningpost.digest.alerts.AlertFixtures.RULE;
import static dev.listeningpost.digest.alerts.AlertFixtures.WINDOW;
import static dev.listeningpost.digest.alerts.AlertFixtures.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.digest.Items;
import dev.listeningpost.digest.send.EmailDeliveryException;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.send.SesEmailSender;
import dev.listeningpost.digest.testing.SesLocal;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The alert job against dynoxide and the real aws-ses-v2-local, read back from its GET /store. */
@ExtendWith(DynoxideExtension.class)
class AlertJobIT {
  @RegisterExtension
  static final SesLocal SES = new SesLocal();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final List<String> RECIPIENTS = List.of("cco@example.com", "support-lead@example.com");
  private static final Feedback.Author CTO = new Feedback.Author("U-CTO", "bigcorp_cto", "Dana", false);

  @TempDir
  Path outbox;
  private FeedbackStore feedback;
  private AlertStore store;
  private EmailSender ses;
  private List<Feedback> spike;

  @BeforeEach
  void setUp() {
    SES.clear();
    DynamoDbClient client = DynoxideExtension.client();
    feedback = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
    String table = DynoxideExtension.uniqueName("digests");
    TableDefinitions.ensure(client, KeyedTable.definition(table));
    store = new AlertStore(client, table);
    ses = new SesEmailSender(SesV2Client.builder().endpointOverride(URI.create(SES.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    // Usually 10% negative; in the last hour half of 30 customer messages.
    items(BASELINE, 240, 24, null).forEach(feedback::create);
    spike = items(WINDOW, 30, 15, "theme-login-loop");
    spike.forEach(feedback::create);
  }

  private AlertJob job(EmailSender email, KeyAccounts accounts, int maxPerHour) {
    CustomerVoice voice = CustomerVoice.STAFF_ONLY;
    List<AlertTrigger> triggers = List.of(new KeyAccountTrigger(accounts, voice, LABELS),
        new NegativeSpikeTrigger(RULE, voice, LABELS, 3), new ThemeRiseTrigger(RULE, voice, LABELS, 3));
    return new AlertJob(feedback, triggers, store, email, List.of(new OutboxSnsPublisher(outbox)),
        new AlertSettings(Duration.ofHours(1), 24, maxPerHour, "alerts@example.com", RECIPIENTS), CLOCK);
  }

  @Test
  void theSameSpikeTwiceRaisesOneAlertWithTheDigestsLinks() throws Exception {
    String key = "negative-spike#customers#2026-11-17T10:00:00Z";
    AlertsResult first = job(ses, KeyAccounts.NONE, 5).run(NOW);

    assertTrue(first.sent().contains(key), first::toString);
    List<SesLocal.Email> emails = SES.emails().stream().filter(e -> e.subject().contains("Negative spike")).toList();
    assertEquals(RECIPIENTS, emails.stream().map(e -> e.to().get(0)).sorted().toList());
    SesLocal.Email email = emails.get(0);
    assertEquals("alerts@example.com", email.from());
    assertEquals("[Listening Post] Negative spike: 50% of customer messages negative (usually 10%)", email.subject());
    List<String> linked = spike.stream().map(Feedback::permalink).filter(l -> email.html().contains("href=\"" + l + "\""))
        .toList();
    assertEquals(3, linked.size(), "three quoted negative messages, each linked to its source: " + email.html());
    String link = linked.get(0);
    assertTrue(email.text().contains(link), email.text());
    assertTrue(email.html().contains("login loop") && email.text().contains("Theme: login loop"), "the theme's label");

    JsonNode sns = JSON.readTree(Files.readString(new OutboxSnsPublisher(outbox).file(key)));
    assertEquals("negative-spike", sns.path("MessageAttributes").path("kind").asText());
    JsonNode chat = JSON.readTree(sns.path("Message").asText());
    assertEquals("custom", chat.path("source").asText());
    assertTrue(chat.path("content").path("description").asText().contains(link), chat.toString());
    int sent = SES.emails().size();

    AlertsResult second = job(ses, KeyAccounts.NONE, 5).run(NOW.plus(Duration.ofMinutes(20)));

    assertEquals(List.of(), second.sent());
    assertTrue(second.duplicates().contains(key), second::toString);
    assertEquals(sent, SES.emails().size(), "the second run sends nothing");
  }

  @Test
  void overTheHourlyLimitAlertsAreSuppressedForGood() {
    for (int i = 0; i < 3; i++) {
      feedback.create(Items.post("C9:1763373000.000" + i, CTO, WINDOW.start().plusSeconds(60L * i), "Renewal question " + i));
    }
    AlertsResult first = job(ses, new KeyAccounts("slack:bigcorp_cto"), 2).run(NOW);

    assertEquals(2, first.sent().size(), first::toString);
    assertTrue(first.sent().stream().allMatch(k -> k.startsWith("key-account#")), "key accounts go first");
    assertEquals(3, first.suppressed().size(), "the third key account message, the spike, the new theme: " + first);
    assertEquals(2 * RECIPIENTS.size(), SES.emails().size());

    AlertsResult next = job(ses, new KeyAccounts("slack:bigcorp_cto"), 2).run(NOW.plus(Duration.ofMinutes(70)));
    List<String> again = new ArrayList<>(next.sent());
    again.retainAll(first.suppressed());
    assertEquals(List.of(), again, "a suppressed alert is never sent later: " + next);
  }

  @Test
  void anAlertNoChannelAcceptedIsRetriedByTheNextRun() {
    EmailSender down = email -> {
      throw new EmailDeliveryException("throttled", null);
    };
    AlertJob failing = new AlertJob(feedback, List.of(new NegativeSpikeTrigger(RULE, CustomerVoice.STAFF_ONLY, LABELS, 3)),
        store, down, List.of(), new AlertSettings(Duration.ofHours(1), 24, 5, "alerts@example.com", RECIPIENTS), CLOCK);

    AlertsResult first = failing.run(NOW);
    assertEquals(List.of("negative-spike#customers#2026-11-17T10:00:00Z"), first.failed());

    AlertsResult retry = job(ses, KeyAccounts.NONE, 5).run(NOW);
    assertTrue(retry.sent().contains("negative-spike#customers#2026-11-17T10:00:00Z"), retry::toString);
  }
}
