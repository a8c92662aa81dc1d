package dev.listeningpost.bench.ingest.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The cold-start floor: JVM, runtime interface client and API Gateway event (de)serialisation, no work.
 * What any Java handler pays before its own initialisation.
 */
public class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody("{\"ok\":true,\"stored\":0,\"floor\":true}").build();
  }
}
