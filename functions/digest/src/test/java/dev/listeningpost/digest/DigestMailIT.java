package dev.listeningpost.digest;

import static dev.listeningpost.digest.Items.ADA;
import static dev.listeningpost.digest.Items.GRACE;
import static dev.listeningpost.digest.Items.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.send.CompositeEmailSender;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.send.MailingList;
import dev.listeningpost.digest.send.OutboxEmailSender;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Mail hygiene through the real SES v2 API (aws-ses-v2-local, read back from its GET /store, which keeps the
 * Simple message's custom header fields as sent) and through the outbox's .eml (the raw MIME the local stack
 * writes): list header fields, both parts, no remote images, preview text.
 */
@ExtendWith(DynoxideExtension.class)
class DigestMailIT {
  @RegisterExtension
  static final SesLocal SES = new SesLocal();

  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", ZONE);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:00:00Z"), ZoneOffset.UTC);
  private static final String SENDER = "Listening Post <digest@acme.example>";
  private static final MailingList LIST = MailingList.forSender(SENDER, "", "unsubscribe@acme.example",
      "https://acme.example/unsubscribe?who={recipient}");
  private static final List<String> RECIPIENTS = List.of("ceo@acme.example", "cmo@acme.example");

  @TempDir
  Path outbox;

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
        "How do I export my invoices as CSV?");
    store.create(message);
    store.create(post("C1:1763990000.000200", GRACE, W47.start().plus(Duration.ofHours(30)), "Dark mode please"));
  }

  private DigestResult run(EmailSender sender) {
    DigestComposer composer = new DigestComposer(store, ThemeLabels.NONE, dev.listeningpost.digest.sections.Sections.defaults(),
        DigestProperties.Digest.defaults().composeOptions(), dev.listeningpost.feedback.voice.CustomerVoice.STAFF_ONLY, CLOCK);
    return new DigestJob(composer, new DigestRenderer(), archive, sender,
        new DigestSettings(ZONE, SENDER, RECIPIENTS, LIST), CLOCK).run(W47);
  }

  @Test
  void sesReceivesTheListHeaderFieldsPerRecipient() {
    assertTrue(run(new SesEmailSender(ses)).complete());

    List<SesLocal.Email> emails = SES.emails();
    assertEquals(2, emails.size());
    for (SesLocal.Email e : emails) {
      String to = e.to().get(0);
      assertEquals("Listening Post digest <digest.acme.example>", e.header("List-Id"));
      assertEquals("<mailto:unsubscribe@acme.example?subject=unsubscribe>, <https://acme.example/unsubscribe?who="
          + to.replace("@", "%40") + ">", e.header("List-Unsubscribe"));
      assertEquals("List-Unsubscribe=One-Click", e.header("List-Unsubscribe-Post"));
      assertEquals("auto-generated", e.header("Auto-Submitted"));
    }
  }

  @Test
  void sesReceivesBothPartsWithPreviewTextDatesLinksAndNoRemoteImages() {
    run(new SesEmailSender(ses));

    SesLocal.Email e = SES.emails().get(0);
    // The preview is the headline's sentence: the text part's second line, hidden first in the HTML.
    String preview = e.text().split("\n")[1];
    assertFalse(preview.isBlank(), e.text());
    String hidden = dev.listeningpost.digest.render.Html.escape(preview);
    assertTrue(e.html().contains("mso-hide:all;color:#f4f5f7;\">" + hidden), "hidden preheader: " + preview);
    assertTrue(e.html().indexOf(hidden) < e.html().indexOf("weekly digest"), "the preheader comes first");
    assertFalse(e.html().matches("(?is).*(<img|url\\(|background=|<link|<script).*"), "no images, remote or not");
    assertTrue(e.html().contains("href=\"" + message.permalink() + "\""));
    // The text part says everything the HTML does: preview line, the week's dates, each quote's date and link.
    assertTrue(e.text().startsWith(e.subject() + "\n"), e.text());
    assertTrue(e.text().contains("Mon 16 Nov 2026 - Sun 22 Nov 2026 (Europe/Paris)"), e.text());
    assertTrue(e.text().contains("2026-11-16 09:00 UTC: " + message.permalink()), e.text());
  }

  @Test
  void theOutboxEmlCarriesTheSameHeaderFieldsAndAMessageIdOnTheSendersDomain() throws Exception {
    OutboxEmailSender files = new OutboxEmailSender(outbox, CLOCK);
    run(new CompositeEmailSender(List.of(files, new SesEmailSender(ses))));

    for (SesLocal.Email e : SES.emails()) {
      Map<String, String> eml = headerFields(Files.readString(files.emlFile("2026-W47", e.to().get(0)),
          StandardCharsets.UTF_8));
      for (String name : List.of("List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted")) {
        assertEquals(e.header(name), eml.get(name), name);
      }
      assertTrue(eml.get("Message-ID").matches("<[0-9a-f-]{36}@acme\\.example>"), eml.get("Message-ID"));
      assertEquals("multipart/alternative", eml.get("Content-Type").replaceAll(";.*", ""));
    }
  }

  /** The header section of a MIME message, unfolded, by field name. */
  private static Map<String, String> headerFields(String eml) {
    Map<String, String> fields = new LinkedHashMap<>();
    String head = eml.substring(0, eml.indexOf("\r\n\r\n")).replaceAll("\r\n[ \t]+", " ");
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      fields.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    return fields;
  }
}
