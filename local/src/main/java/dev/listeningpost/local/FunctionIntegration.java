package dev.listeningpost.local;

import dev.listeningpost.analyze.api.ReadApi;
import dev.listeningpost.digest.api.DigestPages;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import java.util.function.Function;

/**
 * How the local server serves the routes template.yaml gives a function: the service behind that
 * function's handler, called in this process (API Gateway's integration, locally).
 *
 * @param bodyLimit bytes of the request body read at most (0: the service never reads a body)
 * @param service   the service, with the same request and response types its Lambda handler maps to
 */
record FunctionIntegration(int bodyLimit, Function<HttpRequest, HttpResponse> service) {

  /** IngestFunction: every webhook route. */
  static FunctionIntegration webhooks(WebhookService webhooks, IngestSettings settings) {
    // One byte past the limit: enough to answer 413 without buffering a huge body.
    return new FunctionIntegration(settings.maxBodyBytes() + 1, webhooks::handle);
  }

  /** ReadApiFunction: the read API. */
  static FunctionIntegration readApi(ReadApi api) {
    return new FunctionIntegration(0, api::handle);
  }

  /** DigestReadFunction: the digest archive and preview. */
  static FunctionIntegration digestPages(DigestPages pages) {
    return new FunctionIntegration(0, pages::handle);
  }
}
