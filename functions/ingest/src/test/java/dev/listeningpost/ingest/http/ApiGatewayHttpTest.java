package dev.listeningpost.ingest.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayHttpTest {

  @Test
  void base64BodiesComeBackAsTheRawBytesThatWereSigned() {
    byte[] raw = "{\"text\":\"caf\u00e9 \u2615\"}".getBytes(StandardCharsets.UTF_8);
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
        .withRawPath("/webhooks/widget/acme")
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(Base64.getEncoder().encodeToString(raw)).withIsBase64Encoded(true)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("post").build()).build())
        .build();
    WebhookRequest r = ApiGatewayHttp.toRequest(event);
    assertArrayEquals(raw, r.body());
    assertEquals("POST", r.method());
    assertEquals("application/json", r.mediaType());

    APIGatewayV2HTTPEvent empty = APIGatewayV2HTTPEvent.builder().withRawPath("/webhooks/x").build();
    assertEquals(0, ApiGatewayHttp.toRequest(empty).body().length);
  }

  @Test
  void responsesCarryTheirContentTypeAndHeaders() {
    APIGatewayV2HTTPResponse r = ApiGatewayHttp.toResponse(
        Problem.of(503, "storage-unavailable", "Temporarily unavailable", "retry").withHeaders(Map.of("Retry-After", "5")));
    assertEquals(503, r.getStatusCode());
    assertEquals("application/problem+json", r.getHeaders().get("Content-Type"));
    assertEquals("5", r.getHeaders().get("Retry-After"));
  }
}
