package dev.listeningpost.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The alerts handler wired by Micronaut from properties, as the scheduler invokes it with the sample
 * events of events/alerts/: local mode (email and SNS outboxes), dynoxide.
 */
@ExtendWith(DynoxideExtension.class)
class AlertsHandlerIT {
  private static final Feedback.Author CTO = new Feedback.Author("U0CTO", "bigcorp_cto", "Dana", false);
  private static final Feedback.Author BRAND = new Feedback.Author("U0BRAND", "AcmeHelp", "Acme Help", false);

  @TempDir
  Path dir;
  private ApplicationContext context;
  private AlertsHandler handler;

  @BeforeEach
  void setUp() {
    DynamoDbClient client = DynoxideExtension.client();
    String feedbackTable = DynoxideExtension.newFeedbackTable(client);
    String digestTable = DynoxideExtension.uniqueName("digests");
    TableDefinitions.ensure(client, KeyedTable.definition(digestTable));
    context = ApplicationContext.builder()
        .properties(Map.of(
            "dynamodb.endpoint", DynoxideExtension.endpoint(),
            "feedback.table", feedbackTable,
            "digest.table", digestTable,
            "digest.sender", "digest@example.com",
            "digest.recipients", "ceo@example.com",
            "digest.outbox-dir", dir.resolve("outbox").toString(),
            "alerts.outbox-dir", dir.resolve("outbox/alerts").toString(),
            "alerts.key-accounts", "slack:bigcorp_cto, slack:acmehelp",
            "theme.brand-terms", "acme, @AcmeHelp"))
        .singletons(Clock.fixed(Instant.parse("2025-11-21T10:05:00Z"), ZoneOffset.UTC))
        .start();
    handler = new AlertsHandler(context);
    FeedbackStore store = context.getBean(FeedbackStore.class);
    store.create(Items.post("C1:1763717400.000100", CTO, Instant.parse("2025-11-21T09:30:00Z"), "Is the export fixed yet?"));
    store.create(Items.post("C1:1763717400.000200", BRAND, Instant.parse("2025-11-21T09:31:00Z"), "We are on it!"));
  }

  @AfterEach
  void tearDown() {
    handler.close();
  }

  @ParameterizedTest
  @Event(value = "events/alerts/scheduled-at.json", type = AlertsRequest.class)
  void aKeyAccountMessageAlertsOnceByEmailAndTopic(AlertsRequest event) throws Exception {
    AlertsResponse first = handler.handleRequest(event, null);

    assertEquals("2025-11-21T09:00:00Z", first.window());
    assertEquals(1, first.sent().size(), "the key account, not the brand's own handle: " + first);
    try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
      List<String> emails = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).toList();
      assertEquals(1, emails.size(), emails::toString);
      assertTrue(emails.get(0).startsWith("alert-key-account-slack_") && emails.get(0).endsWith("-ceo_example.com.eml"));
    }
    try (Stream<Path> files = Files.list(dir.resolve("outbox/alerts"))) {
      assertEquals(1, files.filter(p -> p.toString().endsWith(".json")).count(), "the SNS message, locally a file");
    }

    AlertsResponse second = handler.handleRequest(event, null);
    assertEquals(List.of(), second.sent());
    assertEquals(first.sent(), second.duplicates());
  }

  @ParameterizedTest
  @Event(value = "events/alerts/scheduled-now.json", type = AlertsRequest.class)
  void anEmptyEventChecksTheLastCompleteWindowNow(AlertsRequest event) {
    assertEquals("2025-11-21T09:00:00Z", handler.handleRequest(event, null).window());
  }

  @Test
  void aBadTimeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(new AlertsRequest("yesterday"), null));
  }
}
