package dev.listeningpost.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayHttpTest {

  private static APIGatewayV2HTTPEvent.RequestContext context(String method) {
    return APIGatewayV2HTTPEvent.RequestContext.builder()
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build()).build();
  }

  @Test
  void base64BodiesComeBackAsTheRawBytesThatWereSigned() {
    byte[] raw = "{\"text\":\"caf\u00e9 \u2615\"}".getBytes(StandardCharsets.UTF_8);
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/webhooks/widget/acme")
        .withBody(Base64.getEncoder().encodeToString(raw)).withIsBase64Encoded(true)
        .withRequestContext(context("POST")).build();
    assertArrayEquals(raw, ApiGatewayHttp.toRequest(event).body());
  }

  @Test
  void plainBodiesAreTheirUtf8Bytes() {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/webhooks/slack")
        .withBody("caf\u00e9").withRequestContext(context("POST")).build();
    assertArrayEquals("caf\u00e9".getBytes(StandardCharsets.UTF_8), ApiGatewayHttp.toRequest(event).body());
  }

  @Test
  void methodPathQueryAndHeadersAreTheEvents() {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/api/feedback")
        .withQueryStringParameters(Map.of("channel", "slack"))
        .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8"))
        .withRequestContext(context("get")).build();
    HttpRequest r = ApiGatewayHttp.toRequest(event);
    assertEquals("GET", r.method());
    assertEquals("/api/feedback", r.path());
    assertEquals(Map.of("channel", "slack"), r.query());
    assertEquals("application/json", r.mediaType());
  }

  @Test
  void withoutARequestContextAnEmptyRequestIsAGet() {
    HttpRequest r = ApiGatewayHttp.toRequest(APIGatewayV2HTTPEvent.builder().withRawPath("/api/themes").build());
    assertEquals("GET", r.method());
    assertEquals(0, r.body().length);
    assertEquals(Map.of(), r.query());
  }

  @Test
  void withoutARequestContextARequestWithABodyIsAPost() {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/webhooks/slack").withBody("{}").build();
    assertEquals("POST", ApiGatewayHttp.toRequest(event).method());
  }

  @Test
  void responsesCarryTheirStatusContentTypeHeadersAndTextBody() {
    APIGatewayV2HTTPResponse r = ApiGatewayHttp.toResponse(
        Problem.storageUnavailable("retry").withHeaders(Map.of("Retry-After", "5")));
    assertEquals(503, r.getStatusCode());
    assertEquals("application/problem+json", r.getHeaders().get("Content-Type"));
    assertEquals("5", r.getHeaders().get("Retry-After"));
    assertEquals(Problem.storageUnavailable("retry").body(), r.getBody());
    assertFalse(r.getIsBase64Encoded());
  }
}
