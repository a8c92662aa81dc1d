package dev.listeningpost.ingest.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * API Gateway HTTP API (payload 2.0) events to and from {@link WebhookRequest} / {@link WebhookResponse}.
 * No framework types, so any handler style (Micronaut or a plain RequestHandler) shares it.
 */
public final class ApiGatewayHttp {
  private ApiGatewayHttp() {
  }

  /** The request exactly as sent: a base64-encoded body is decoded back to its raw bytes for signatures. */
  public static WebhookRequest toRequest(APIGatewayV2HTTPEvent event) {
    String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
        ? event.getRequestContext().getHttp().getMethod() : "POST";
    byte[] body;
    if (event.getBody() == null) {
      body = new byte[0];
    } else if (event.getIsBase64Encoded()) {
      body = Base64.getDecoder().decode(event.getBody());
    } else {
      body = event.getBody().getBytes(StandardCharsets.UTF_8);
    }
    return new WebhookRequest(method, event.getRawPath(), event.getHeaders(), event.getQueryStringParameters(), body);
  }

  public static APIGatewayV2HTTPResponse toResponse(WebhookResponse r) {
    Map<String, String> headers = new HashMap<>(r.headers());
    headers.put("Content-Type", r.contentType());
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(r.status())
        .withHeaders(headers)
        .withBody(r.body())
        .withIsBase64Encoded(false)
        .build();
  }
}
