package dev.listeningpost.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listeningpost.ingest.http.WebhookRequest;
import dev.listeningpost.ingest.http.WebhookResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Lambda entry point for every webhook route of the HTTP API. Adapts the API Gateway v2 event to a
 * {@link WebhookRequest} and back; all behaviour lives in {@link WebhookService}.
 */
public class IngestHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Inject
  WebhookService webhooks;

  public IngestHandler() {
    super();
  }

  /** For tests: run against a prepared context. */
  public IngestHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    return toResponse(webhooks.handle(toRequest(event)));
  }

  static WebhookRequest toRequest(APIGatewayV2HTTPEvent event) {
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

  static APIGatewayV2HTTPResponse toResponse(WebhookResponse r) {
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
