package dev.listeningpost.analyze.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.listeningpost.feedback.store.KeyedTable;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The deployed read API as API Gateway invokes it, with the sample events from events/api/. */
@ExtendWith(DynoxideExtension.class)
class ReadApiHandlerIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void servesFeedbackAndThemesAndAnswersProblems() throws Exception {
    DynamoDbClient client = DynoxideExtension.client();
    String feedback = DynoxideExtension.newFeedbackTable(client);
    String themes = DynoxideExtension.uniqueName("themes");
    TableDefinitions.ensure(client, KeyedTable.definition(themes));
    try (ApplicationContext ctx = ApplicationContext.builder()
        .properties(Map.of("dynamodb.endpoint", DynoxideExtension.endpoint(), "feedback.table", feedback, "theme.table", themes))
        .start();
         ReadApiHandler handler = new ReadApiHandler(ctx)) {
      ctx.getBean(FeedbackStore.class).create(Feedback.builder().channel("slack").workspace("T1").sourceId("C1:1")
          .text("Exports time out").createdAt(Instant.parse("2025-11-18T10:00:00Z")).build());
      ctx.getBean(FeedbackStore.class).create(Feedback.builder().channel("github").workspace("o/r").sourceId("9")
          .text("other channel").createdAt(Instant.parse("2025-11-18T11:00:00Z")).build());

      APIGatewayV2HTTPEvent list = EventLoader.loadApiGatewayHttpEvent("../../events/api/feedback-get.json");
      APIGatewayV2HTTPResponse r = handler.execute(list);
      assertEquals(200, r.getStatusCode(), r.getBody());
      JsonNode body = JSON.readTree(r.getBody());
      assertEquals(1, body.get("count").asInt());
      assertEquals("Exports time out", body.get("items").get(0).get("text").asText());
      assertTrue(body.get("items").get(0).path("raw").isMissingNode(), "never the raw payload");

      APIGatewayV2HTTPResponse t = handler.execute(EventLoader.loadApiGatewayHttpEvent("../../events/api/themes-get.json"));
      assertEquals(200, t.getStatusCode(), t.getBody());
      assertEquals("2025-11-17T00:00:00Z", JSON.readTree(t.getBody()).get("from").asText());

      list.setRawPath("/api/themes/t-unknown");
      APIGatewayV2HTTPResponse missing = handler.execute(list);
      assertEquals(404, missing.getStatusCode());
      assertEquals("application/problem+json", missing.getHeaders().get("Content-Type"));
      assertEquals("https://listening-post.dev/problems/unknown-theme", JSON.readTree(missing.getBody()).get("type").asText());

      list.setRawPath("/api/feedback");
      Map<String, String> bad = new HashMap<>(list.getQueryStringParameters());
      bad.put("since", "last tuesday");
      list.setQueryStringParameters(bad);
      APIGatewayV2HTTPResponse badRequest = handler.execute(list);
      assertEquals(400, badRequest.getStatusCode());
      assertTrue(JSON.readTree(badRequest.getBody()).get("detail").asText().contains("since"));

      list.getRequestContext().getHttp().setMethod("DELETE");
      APIGatewayV2HTTPResponse notAllowed = handler.execute(list);
      assertEquals(405, notAllowed.getStatusCode());
      assertEquals("https://listening-post.dev/problems/method-not-allowed",
          JSON.readTree(notAllowed.getBody()).get("type").asText());
    }
  }
}
