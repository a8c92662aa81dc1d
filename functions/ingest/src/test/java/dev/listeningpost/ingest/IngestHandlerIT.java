package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.secrets.SecretResolver;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Lambda handler as API Gateway invokes it, with the sample event from events/. */
@ExtendWith(DynoxideExtension.class)
class IngestHandlerIT {

  @ParameterizedTest
  @Event(value = "../../events/ingest/apigw/slack-message.json", type = APIGatewayV2HTTPEvent.class)
  void storesTheSampleEventOnceAndAnswersProblemsForBadSignatures(APIGatewayV2HTTPEvent event) throws Exception {
    DynamoDbClient client = DynoxideExtension.client();
    String table = DynoxideExtension.newFeedbackTable(client);
    try (ApplicationContext context = ApplicationContext.builder()
        .properties(Map.of("dynamodb.endpoint", DynoxideExtension.endpoint(), "feedback.table", table, "secrets.source", "test"))
        .singletons(new EnvironmentSecretResolver(Map.of("SLACK_SIGNING_SECRET", "handler-secret")))
        .start();
         IngestHandler handler = new IngestHandler(context)) {
      // The sample carries a placeholder signature: sign it now, as Slack would.
      String ts = Long.toString(Instant.now().getEpochSecond());
      Map<String, String> headers = new HashMap<>(event.getHeaders());
      headers.put("x-slack-request-timestamp", ts);
      headers.put("x-slack-signature", "v0=" + Signatures.hmacSha256Hex("handler-secret",
          ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), event.getBody().getBytes(StandardCharsets.UTF_8)));

      APIGatewayV2HTTPResponse unsigned = handler.execute(event);
      assertEquals(401, unsigned.getStatusCode());
      assertEquals("application/problem+json", unsigned.getHeaders().get("Content-Type"));
      JsonNode problem = new ObjectMapper().readTree(unsigned.getBody());
      assertEquals("https://listening-post.dev/problems/invalid-signature", problem.get("type").asText());
      assertEquals(401, problem.get("status").asInt());

      event.setHeaders(headers);
      APIGatewayV2HTTPResponse ok = handler.execute(event);
      assertEquals(200, ok.getStatusCode(), ok.getBody());
      assertEquals(200, handler.execute(event).getStatusCode());

      FeedbackStore store = context.getBean(FeedbackStore.class);
      String id = FeedbackIds.of("slack", "T0001ACME", "C0FEEDBACK:1763718900.000200");
      assertTrue(store.find(id).isPresent());
      assertEquals(1, store.createdBetween(Instant.parse("2025-11-17T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), null).size());
      assertTrue(context.getBean(SecretResolver.class) instanceof EnvironmentSecretResolver);
    }
  }
}
