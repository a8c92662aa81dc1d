package dev.listeningpost.digest;

import static dev.listeningpost.digest.Items.ADA;
import dev.listeningpost.feedback.store.KeyedTable;
import static dev.listeningpost.digest.Items.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.send.CompositeEmailSender;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.testing.SesLocal;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Lambda handler wired by Micronaut from properties, as the scheduler invokes it with the
 * sample events in events/digest/: local mode (outbox + SES endpoint), dynoxide.
 */
@ExtendWith(DynoxideExtension.class)
class DigestHandlerIT {
  @RegisterExtension
  static final SesLocal SES = new SesLocal();

  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  /** Monday 23 November 2026, 06:00 in Paris: the last complete week is 2026-W47. */
  private static final Clock MONDAY_MORNING = Clock.fixed(Instant.parse("2026-11-23T05:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path outbox;
  private ApplicationContext context;
  private DigestHandler handler;
  private Feedback message;

  @BeforeEach
  void setUp() {
    SES.clear();
    DynamoDbClient client = DynoxideExtension.client();
    String feedbackTable = DynoxideExtension.newFeedbackTable(client);
    String digestTable = DynoxideExtension.uniqueName("digests");
    TableDefinitions.ensure(client, KeyedTable.definition(digestTable));
    context = ApplicationContext.builder()
        .properties(Map.of(
            "dynamodb.endpoint", DynoxideExtension.endpoint(),
            "feedback.table", feedbackTable,
            "digest.table", digestTable,
            "digest.time-zone", ZONE.getId(),
            "digest.sender", "digest@example.com",
            "digest.recipients", "ceo@example.com, cto@example.com",
            "digest.outbox-dir", outbox.toString(),
            "ses.endpoint", SES.endpoint()))
        .singletons(MONDAY_MORNING)
        .start();
    handler = new DigestHandler(context);
    ReportingPeriod w47 = ReportingPeriod.parse("2026-W47", ZONE);
    message = post("C1:1763900000.000100", ADA, w47.start().plus(Duration.ofHours(9)), "Search is slow since Tuesday");
    context.getBean(FeedbackStore.class).create(message);
  }

  @AfterEach
  void tearDown() {
    handler.close();
  }

  @ParameterizedTest
  @Event(value = "events/digest/scheduled-last-week.json", type = DigestRequest.class)
  void emptyScheduledEventSendsLastCompleteWeekInTheConfiguredZone(DigestRequest event) throws IOException {
    assertTrue(event.period() == null);
    DigestResponse response = handler.handleRequest(event, null);

    assertEquals("2026-W47", response.period());
    assertEquals(List.of("ceo@example.com", "cto@example.com"), response.sent());
    assertEquals(1, response.messages());
    // Local mode: both the outbox and the SES endpoint got each email.
    assertEquals(2, SES.emails().size());
    assertTrue(SES.emails().get(0).text().contains(message.permalink()));
    try (Stream<Path> files = Files.list(outbox)) {
      assertEquals(List.of("2026-W47-ceo_example.com.eml", "2026-W47-ceo_example.com.html",
          "2026-W47-cto_example.com.eml", "2026-W47-cto_example.com.html"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.readString(outbox.resolve("2026-W47-ceo_example.com.html")).contains("Search is slow since Tuesday"));
  }

  @ParameterizedTest
  @Event(value = "events/digest/scheduled-period.json", type = DigestRequest.class)
  void explicitPeriodRunsOnceThenSkips(DigestRequest event) {
    assertEquals("2026-W47", event.period());
    DigestResponse first = handler.handleRequest(event, null);
    assertEquals(2, first.sent().size());
    DigestResponse second = handler.handleRequest(event, null);
    assertEquals(List.of(), second.sent());
    assertEquals(List.of("ceo@example.com", "cto@example.com"), second.skipped());
    assertTrue(second.reused());
    assertEquals(2, SES.emails().size());
  }

  @Test
  void wiringAndJsonContract() throws IOException {
    assertTrue(context.getBean(EmailSender.class) instanceof CompositeEmailSender, "outbox and SES in local mode");
    JsonMapper json = context.getBean(JsonMapper.class);
    try (InputStream in = getClass().getResourceAsStream("/events/digest/scheduled-period.json")) {
      assertEquals(new DigestRequest("2026-W47"), json.readValue(in.readAllBytes(), DigestRequest.class));
    }
    DigestResponse response = handler.handleRequest(new DigestRequest("2026-W47"), null);
    String out = json.writeValueAsString(response);
    assertTrue(out.contains("\"period\":\"2026-W47\""), out);
    assertTrue(out.contains("\"sent\":[\"ceo@example.com\",\"cto@example.com\"]"), out);
  }
}
