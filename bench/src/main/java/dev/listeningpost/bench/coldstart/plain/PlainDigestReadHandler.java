package dev.listeningpost.bench.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listeningpost.digest.api.DigestPages;
import dev.listeningpost.http.ApiGatewayHttp;

/** Cold-start baseline of {@code dev.listeningpost.digest.api.DigestReadHandler}: the same {@link DigestPages}. */
public class PlainDigestReadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final DigestPages pages;

  public PlainDigestReadHandler() {
    PlainDigest d = new PlainDigest();
    pages = new DigestPages(d.archive, d.composer, d.renderer, d.settings, d.clock);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ApiGatewayHttp.toResponse(pages.handle(ApiGatewayHttp.toRequest(event)));
  }
}
