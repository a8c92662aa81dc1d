package dev.listeningpost.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * API Gateway HTTP API (payload 2.0) events to and from {@link HttpRequest} / {@link HttpResponse}:
 * the only class of this package that knows Lambda types. No framework types either, so any handler
 * style (Micronaut or a plain RequestHandler) shares it.
 */
public final class ApiGatewayHttp {
  private ApiGatewayHttp() {
  }

  /**
   * The request exactly as sent: a base64-encoded body is decoded back to its raw bytes for signatures.
   * The method is the request context's; an event without one (written by hand) is a {@code POST}
   * when it has a body and a {@code GET} when not.
   */
  public static HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
    byte[] body = body(event);
    return new HttpRequest(method(event, body), event.getRawPath(), event.getHeaders(),
        event.getQueryStringParameters(), body);
  }

  public static APIGatewayV2HTTPResponse toResponse(HttpResponse r) {
    Map<String, String> headers = new HashMap<>(r.headers());
    headers.put("Content-Type", r.contentType());
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(r.status())
        .withHeaders(headers)
        .withBody(r.body())
        .withIsBase64Encoded(false)
        .build();
  }

  private static byte[] body(APIGatewayV2HTTPEvent event) {
    if (event.getBody() == null) {
      return new byte[0];
    }
    return event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
        : event.getBody().getBytes(StandardCharsets.UTF_8);
  }

  private static String method(APIGatewayV2HTTPEvent event, byte[] body) {
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
      return context.getHttp().getMethod();
    }
    return body.length > 0 ? "POST" : "GET";
  }
}
