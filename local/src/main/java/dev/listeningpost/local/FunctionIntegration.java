package dev.listeningpost.local;

import com.sun.net.httpserver.HttpExchange;
import dev.listeningpost.analyze.api.ReadApi;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * How the local server serves the routes template.yaml gives a function: the service behind that
 * function's handler, called in this process (API Gateway's integration, locally).
 */
@FunctionalInterface
interface FunctionIntegration {
  void serve(HttpExchange ex) throws IOException;

  /** IngestFunction: every webhook route. */
  static FunctionIntegration webhooks(WebhookService webhooks, IngestSettings settings) {
    return ex -> {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        // Read at most one byte past the limit: enough to answer 413 without buffering a huge body.
        body = in.readNBytes(settings.maxBodyBytes() + 1);
      }
      HttpRequest request = new HttpRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(),
          HttpExchanges.headers(ex), HttpExchanges.query(ex), body);
      HttpResponse response = webhooks.handle(request);
      HttpExchanges.send(ex, response.status(), response.contentType(), response.body(), response.headers());
    };
  }

  /** ReadApiFunction: the read API. */
  static FunctionIntegration readApi(ReadApi api) {
    return ex -> {
      ReadApi.Response r = api.handle(ex.getRequestMethod(), ex.getRequestURI().getPath(), HttpExchanges.query(ex));
      HttpExchanges.send(ex, r.status(), r.contentType(), r.body(), Map.of());
    };
  }
}
