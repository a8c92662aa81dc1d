package dev.listeningpost.analyze.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Lambda entry point for the read API ({@code GET /api/feedback}, {@code /api/themes},
 * {@code /api/themes/{id}}), IAM-authorized in the template. It shares the analyze artifact but
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
    String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
        ? event.getRequestContext().getHttp().getMethod() : "GET";
    Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    ReadApi.Response r = api.handle(method, event.getRawPath(), query);
    return APIGatewayV2HTTPResponse.builder().withStatusCode(r.status())
        .withHeaders(Map.of("Content-Type", r.contentType())).withBody(r.body()).build();
  }
}
