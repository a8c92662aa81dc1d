package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

/** Handshakes and CORS preflights as API Gateway delivers them to the Lambda handler (GET/OPTIONS, query strings). */
@ExtendWith(DynoxideExtension.class)
class IngestHandshakeIT {

  private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
    try (ApplicationContext context = ApplicationContext.builder()
        .properties(Map.of("dynamodb.endpoint", DynoxideExtension.endpoint(), "feedback.table", "unused-table", "secrets.source", "test"))
        .singletons(new EnvironmentSecretResolver(ChannelFixtures.env()))
        .start();
         IngestHandler handler = new IngestHandler(context)) {
      return handler.execute(event);
    }
  }

  @ParameterizedTest
  @Event(value = "../../events/ingest/apigw/x-crc.json", type = APIGatewayV2HTTPEvent.class)
  void answersTheXCrcThroughTheHandler(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse r = invoke(event);
    assertEquals(200, r.getStatusCode());
    assertTrue(r.getBody().startsWith("{\"response_token\":\"sha256="));
  }

  @ParameterizedTest
  @Event(value = "../../events/ingest/apigw/meta-subscribe.json", type = APIGatewayV2HTTPEvent.class)
  void echoesTheMetaChallengeThroughTheHandler(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse r = invoke(event);
    assertEquals(200, r.getStatusCode());
    assertEquals("1158201444", r.getBody());
  }

  @ParameterizedTest
  @Event(value = "../../events/ingest/apigw/widget-preflight.json", type = APIGatewayV2HTTPEvent.class)
  void answersTheWidgetPreflightThroughTheHandler(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse r = invoke(event);
    assertEquals(204, r.getStatusCode());
    assertEquals("https://app.example.com", r.getHeaders().get("Access-Control-Allow-Origin"));
  }
}
