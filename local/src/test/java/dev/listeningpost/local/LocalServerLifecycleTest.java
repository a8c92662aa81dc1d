package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.http.HttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How the local server listens and stops. */
class LocalServerLifecycleTest {
  private static final Path TEMPLATE = Path.of(System.getProperty("lp.root", ".."), "template.yaml");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final LocalJobs NO_JOBS = r -> HttpResponse.text(200, "");

  @Test
  void itListensOnLoopbackUnlessToldOtherwise() throws Exception {
    assertEquals("127.0.0.1", Options.parse(new String[] {}).host());
    assertEquals("0.0.0.0", Options.parse(new String[] {"--host", "0.0.0.0"}).host());
    try (LocalServer server = new LocalServer(0, LocalRoutes.fromTemplate(TEMPLATE), functions(r -> HttpResponse.text(200, "")),
        NO_JOBS, List::of)) {
      assertEquals("127.0.0.1", server.host());
    }
  }

  @Test
  void aRequestInFlightWhenItStopsIsStillAnswered() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LocalServer server = new LocalServer(0, LocalRoutes.fromTemplate(TEMPLATE), functions(r -> {
      inHandler.countDown();
      await(release);
      return HttpResponse.text(200, "stored");
    }), NO_JOBS, List::of);
    server.start();
    CompletableFuture<java.net.http.HttpResponse<String>> inFlight = HTTP.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/slack"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertTrue(inHandler.await(30, TimeUnit.SECONDS));
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    release.countDown();
    closing.get(60, TimeUnit.SECONDS);
    java.net.http.HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode());
    assertEquals("stored", answer.body());
  }

  private static Map<String, FunctionIntegration> functions(java.util.function.Function<dev.listeningpost.http.HttpRequest, HttpResponse> ingest) {
    return Map.of("IngestFunction", new FunctionIntegration(1024, ingest),
        "ReadApiFunction", new FunctionIntegration(0, r -> HttpResponse.text(200, "")),
        "DigestReadFunction", new FunctionIntegration(0, r -> HttpResponse.text(200, "")));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
