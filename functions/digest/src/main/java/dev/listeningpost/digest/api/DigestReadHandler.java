package dev.listeningpost.digest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listeningpost.http.ApiGatewayHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * Lambda entry point of the digest archive's read routes ({@code GET /digests/{period}},
 * {@code GET /api/digests/{period}}), IAM-authorized in the template. Adapts the API Gateway v2 event to a
 * request and back; all behaviour lives in {@link DigestPages}. Shares the digest artifact but never sends:
 * the email transport's beans are created on first use and this path uses none.
 */
public class DigestReadHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Inject
  DigestPages pages;

  public DigestReadHandler() {
  }

  public DigestReadHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    return ApiGatewayHttp.toResponse(pages.handle(ApiGatewayHttp.toRequest(event)));
  }
}
