package dev.listeningpost.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import dev.listeningpost.feedback.store.KeyedTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynoxideExtension.class)
class AnalyzeHandlerIT {

  private static ApplicationContext context(String feedbackTable) {
    DynamoDbClient client = DynoxideExtension.client();
    String themeTable = DynoxideExtension.uniqueName("themes");
    TableDefinitions.ensure(client, KeyedTable.definition(themeTable));
    return ApplicationContext.run(Map.of(
        "dynamodb.endpoint", DynoxideExtension.endpoint(),
        "feedback.table", feedbackTable,
        "theme.table", themeTable,
        "embed.threads", "2",
        "analyze.test-sentiment", "true"));
  }

  @ParameterizedTest
  @Event(value = "../../events/analyze/stream-batch.json", type = DynamodbEvent.class)
  void enrichesInsertsSkipsAnalyzedAndRemovedAndReportsTheRecordThatFailed(DynamodbEvent event) {
    DynamoDbClient client = DynoxideExtension.client();
    String table = DynoxideExtension.newFeedbackTable(client);
    try (ApplicationContext ctx = context(table)) {
      FeedbackStore store = ctx.getBean(FeedbackStore.class);
      Instant t = Instant.parse("2026-11-19T12:00:00Z");
      store.create(Feedback.builder().id("fb-sample-1").channel("slack")
          .text("The CSV export keeps timing out on big workspaces, please fix it").createdAt(t).build());
      AnalyzeHandler handler = new AnalyzeHandler(ctx);

      StreamsEventResponse response = handler.handleRequest(event, null);

      assertEquals(List.of("333"), response.getBatchItemFailures().stream()
          .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
      Feedback analyzed = store.find("fb-sample-1").orElseThrow();
      assertNotNull(analyzed.enrichment());
      assertEquals("negative", analyzed.enrichment().sentimentLabel());
      assertEquals(384, analyzed.enrichment().embedding().length);

      // The same batch again (a retry): the same record fails, the analysis comes out identical.
      StreamsEventResponse again = handler.handleRequest(event, null);
      assertEquals(List.of("333"), again.getBatchItemFailures().stream()
          .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
      Feedback retried = store.find("fb-sample-1").orElseThrow();
      assertArrayEquals(analyzed.enrichment().embedding(), retried.enrichment().embedding());
      assertEquals(analyzed.enrichment().sentiment(), retried.enrichment().sentiment());
      assertEquals(analyzed.enrichment().themeId(), retried.enrichment().themeId());
    }
  }

  @ParameterizedTest
  @Event(value = "../../events/analyze/stream-batch.json", type = DynamodbEvent.class)
  void whenTheTableIsUnavailableEveryAnalyzableRecordIsReported(DynamodbEvent event) {
    try (ApplicationContext ctx = context("no-such-feedback-table")) {
      StreamsEventResponse response = new AnalyzeHandler(ctx).handleRequest(event, null);
      assertEquals(List.of("333", "111"), response.getBatchItemFailures().stream()
          .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
    }
  }
}
