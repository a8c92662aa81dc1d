package dev.listeningpost.analyze.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listeningpost.http.ApiGatewayHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * Lambda entry point for the read API ({@code GET /api/feedback}, {@code /api/themes},
 * {@code /api/themes/{id}}), IAM-authorized in the template. Adapts the API Gateway v2 event to a
 * request and back; all behaviour lives in {@link ReadApi}. It shares the analyze artifact but
 * never loads the embedding model: beans are created on first use and the read path needs none.
 */
public class ReadApiHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Inject
  ReadApi api;

  public ReadApiHandler() {
  }

  public ReadApiHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    return ApiGatewayHttp.toResponse(api.handle(ApiGatewayHttp.toRequest(event)));
  }
}
