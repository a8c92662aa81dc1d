package dev.listeningpost.bench.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listeningpost.analyze.api.ReadApi;
import dev.listeningpost.analyze.themes.ThemeQueryService;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.http.ApiGatewayHttp;
import java.time.Clock;

/** Cold-start baseline of {@code dev.listeningpost.analyze.api.ReadApiHandler}: the same {@link ReadApi}, wired by hand. */
public class PlainReadApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final ReadApi api;

  public PlainReadApiHandler() {
    PlainWiring w = new PlainWiring(System.getenv());
    FeedbackStore feedback = w.feedbackStore();
    this.api = new ReadApi(feedback, new ThemeQueryService(new ThemeStore(w.dynamo, w.themeTable()), feedback,
        ThemeTrends.DEFAULT, w.voice()), Clock.systemUTC());
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ApiGatewayHttp.toResponse(api.handle(ApiGatewayHttp.toRequest(event)));
  }
}
