package dev.listeningpost.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listeningpost.http.ApiGatewayHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * Lambda entry point for every webhook route of the HTTP API. Adapts the API Gateway v2 event to a
 * request and back; all behaviour lives in {@link WebhookService}.
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
    return ApiGatewayHttp.toResponse(webhooks.handle(ApiGatewayHttp.toRequest(event)));
  }
}
