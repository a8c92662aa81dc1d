package dev.listeningpost.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.digest.DigestJob;
import dev.listeningpost.digest.DigestResult;
import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.send.SesEmailSender;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.FeedbackTable;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The weekly digest job (DynamoDB reads, archive, send log, SES v2 SendEmail) against LocalStack's
 * DynamoDB and SES, with the sender identity verified first as in AWS: one email per recipient,
 * carrying the quote and its permalink, and nothing more on a second run. Sent mail is read back
 * from LocalStack's {@code GET /_aws/ses}. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class DigestLocalStackIT {
  @Container
  static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
      DockerImageName.parse(System.getProperty("localstack.image", "localstack/localstack:4.4.0"))
          .asCompatibleSubstituteFor("localstack/localstack"));
  // No withServices: it would restrict LocalStack to "dynamodb,ses", and SES v2 is its own service there.

  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", ZONE);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:00:00Z"), ZoneOffset.UTC);
  private static final String SENDER = "digest@example.com";
  private static final List<String> RECIPIENTS = List.of("ceo@example.com", "cmo@example.com");

  private static DynamoDbClient dynamo;
  private static SesV2Client ses;

  @BeforeAll
  static void connect() {
    var credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    dynamo = DynamoDbClient.builder().endpointOverride(LOCALSTACK.getEndpoint())
        .region(Region.of(LOCALSTACK.getRegion())).credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    ses = SesV2Client.builder().endpointOverride(LOCALSTACK.getEndpoint())
        .region(Region.of(LOCALSTACK.getRegion())).credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    // As in AWS (docs/deploy.md), SES sends only from a verified identity.
    ses.createEmailIdentity(b -> b.emailIdentity(SENDER));
  }

  @Test
  void sendsOneEmailPerRecipientOnceThroughSes() throws IOException {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String feedbackTable = "feedback-" + marker;
    String digestTable = "digests-" + marker;
    TableDefinitions.ensure(dynamo, FeedbackTable.definition(feedbackTable));
    TableDefinitions.ensure(dynamo, KeyedTable.definition(digestTable));
    FeedbackStore store = new FeedbackStore(dynamo, feedbackTable, FeedbackSchema.create(Duration.ZERO));
    Instant monday = W47.start();
    Feedback quote = Feedback.builder().channel("slack").workspace("T1").sourceId("C1:" + marker)
        .kind(Feedback.Kind.MESSAGE).text("Why does the CSV export drop the time zone? " + marker)
        .author(new Author("U-ADA", "ada", "Ada Lovelace", false))
        .createdAt(monday.plus(Duration.ofHours(10))).receivedAt(monday.plus(Duration.ofHours(10)))
        .permalink("https://example.slack.com/archives/C1/p" + marker).build();
    store.create(quote);

    DigestArchive archive = new DigestArchive(dynamo, digestTable);
    DigestJob job = new DigestJob(
        new DigestComposer(store, ThemeLabels.NONE, dev.listeningpost.digest.sections.Sections.defaults(),
            DigestProperties.Digest.defaults().composeOptions(), dev.listeningpost.feedback.voice.CustomerVoice.STAFF_ONLY,
            CLOCK),
        new DigestRenderer(), archive, new SesEmailSender(ses), new DigestSettings(ZONE, SENDER, RECIPIENTS), CLOCK);

    DigestResult first = job.run(W47);
    assertEquals(RECIPIENTS, first.sent());
    assertFalse(first.reused());
    List<JsonNode> mails = sentContaining(marker);
    assertEquals(2, mails.size(), "one email per recipient");
    for (JsonNode mail : mails) {
      assertTrue(mail.toString().contains(quote.permalink()), "the quote links back to its source");
      assertTrue(mail.toString().contains(SENDER));
    }

    DigestResult second = job.run(W47);
    assertEquals(List.of(), second.sent());
    assertEquals(RECIPIENTS, second.skipped());
    assertTrue(second.reused());
    assertEquals(2, sentContaining(marker).size(), "a second run sends nothing");
  }

  /** Messages LocalStack recorded whose JSON mentions {@code marker}. */
  private static List<JsonNode> sentContaining(String marker) throws IOException {
    URL url = URI.create(LOCALSTACK.getEndpoint() + "/_aws/ses").toURL();
    try (InputStream in = url.openStream()) {
      JsonNode messages = new ObjectMapper().readTree(in).path("messages");
      List<JsonNode> out = new ArrayList<>();
      messages.forEach(m -> {
        if (m.toString().contains(marker)) {
          out.add(m);
        }
      });
      return out;
    }
  }
}
