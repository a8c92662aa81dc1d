package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.local.invoke.HttpRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local server serves the HTTP API routes template.yaml declares, read at start, and its local-only routes. */
class LocalServerRoutesTest {
  private static final Path TEMPLATE = Path.of(System.getProperty("lp.root", ".."), "template.yaml");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final Map<String, FunctionIntegration> FAKE_FUNCTIONS = Map.of(
      "IngestFunction", ex -> HttpExchanges.send(ex, 200, "text/plain", "ingest " + ex.getRequestMethod(), Map.of()),
      "ReadApiFunction", ex -> HttpExchanges.send(ex, 200, "text/plain", "read " + ex.getRequestURI().getPath(), Map.of()));
  private static final LocalJobs FAKE_JOBS = (method, path, query) -> new LocalJobs.Result(200, "text/plain", "jobs " + path);

  @Test
  void aRouteAddedToTheTemplateIsServedWithoutASecondRegistration(@TempDir Path dir) throws Exception {
    String template = Files.readString(TEMPLATE);
    String ingestEvents = "      Events:\n        PostChannel:\n";
    assertTrue(template.contains(ingestEvents), "the IngestFunction's events in template.yaml");
    Path withPut = Files.writeString(dir.resolve("template.yaml"), template.replace(ingestEvents,
        "      Events:\n        PutChannel:\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref WebhookApi\n"
            + "            Method: PUT\n            Path: /webhooks/{channel}\n        PostChannel:\n"));

    try (LocalServer server = serve(RouteTable.load(withPut))) {
      assertEquals("200 ingest PUT", call(server, "PUT", "/webhooks/slack"));
    }
    try (LocalServer server = serve(RouteTable.load(TEMPLATE))) {
      assertTrue(call(server, "PUT", "/webhooks/slack").startsWith("405 "), "not in the real template");
    }
  }

  @Test
  void templateRoutesGoToTheirFunctionsAndLocalRoutesToTheStack() throws Exception {
    try (LocalServer server = serve(RouteTable.load(TEMPLATE))) {
      assertEquals("200 ingest POST", call(server, "POST", "/webhooks/github/acme-widgets"));
      assertEquals("200 ingest GET", call(server, "GET", "/webhooks/x"));
      assertEquals("200 ingest OPTIONS", call(server, "OPTIONS", "/webhooks/widget/acme"), "CORS preflight");
      assertEquals("200 read /api/themes/t-1", call(server, "GET", "/api/themes/t-1"));
      assertTrue(call(server, "DELETE", "/api/feedback").startsWith("405 "));
      assertEquals("200 jobs /local/jobs/analyze", call(server, "POST", "/local/jobs/analyze"));
      assertEquals("200 jobs /digests/latest", call(server, "GET", "/digests/latest"));
      assertTrue(call(server, "GET", "/health").startsWith("200 "));
      assertTrue(call(server, "GET", "/nowhere").startsWith("404 "));
    }
  }

  @Test
  void aTemplateRouteToAFunctionTheStackCannotServeFailsTheStart() {
    RouteTable routes = new RouteTable(List.of(new HttpRoute("GET", "/reports", "ReportFunction")));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> serve(routes));
    assertTrue(e.getMessage().contains("ReportFunction"), e.getMessage());
  }

  private static LocalServer serve(RouteTable routes) throws Exception {
    LocalServer server = new LocalServer(0, routes, FAKE_FUNCTIONS, FAKE_JOBS, () -> List.of("slack"));
    server.start();
    return server;
  }

  private static String call(LocalServer server, String method, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }
}
