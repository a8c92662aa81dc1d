package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.analyze.api.ReadApi;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.http.Route;
import dev.listeningpost.http.RouteTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local server serves the HTTP API routes template.yaml declares, read at start, and its local-only routes. */
class LocalServerRoutesTest {
  private static final Path TEMPLATE = Path.of(System.getProperty("lp.root", ".."), "template.yaml");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, FunctionIntegration> FAKE_FUNCTIONS = Map.of(
      "IngestFunction", new FunctionIntegration(0, r -> HttpResponse.text(200, "ingest " + r.method())),
      "ReadApiFunction", new FunctionIntegration(0, r -> HttpResponse.text(200, "read " + r.path())),
      "DigestReadFunction", new FunctionIntegration(0, r -> HttpResponse.text(200, "digests " + r.path())));
  private static final LocalJobs FAKE_JOBS = r -> HttpResponse.text(200, "jobs " + r.path());

  @Test
  void aRouteAddedToTheTemplateIsServedWithoutASecondRegistration(@TempDir Path dir) throws Exception {
    String template = Files.readString(TEMPLATE);
    String ingestEvents = "      Events:\n        PostChannel:\n";
    assertTrue(template.contains(ingestEvents), "the IngestFunction's events in template.yaml");
    Path withPut = Files.writeString(dir.resolve("template.yaml"), template.replace(ingestEvents,
        "      Events:\n        PutChannel:\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref WebhookApi\n"
            + "            Method: PUT\n            Path: /webhooks/{channel}\n        PostChannel:\n"));

    try (LocalServer server = serve(LocalRoutes.fromTemplate(withPut))) {
      assertEquals("200 ingest PUT", call(server, "PUT", "/webhooks/slack"));
    }
    try (LocalServer server = serve(LocalRoutes.fromTemplate(TEMPLATE))) {
      assertTrue(call(server, "PUT", "/webhooks/slack").startsWith("405 "), "not in the real template");
    }
  }

  @Test
  void templateRoutesGoToTheirFunctionsAndLocalRoutesToTheStack() throws Exception {
    try (LocalServer server = serve(LocalRoutes.fromTemplate(TEMPLATE))) {
      assertEquals("200 ingest POST", call(server, "POST", "/webhooks/github/acme-widgets"));
      assertEquals("200 ingest GET", call(server, "GET", "/webhooks/x"));
      assertEquals("200 ingest OPTIONS", call(server, "OPTIONS", "/webhooks/widget/acme"), "CORS preflight");
      assertEquals("200 read /api/themes/t-1", call(server, "GET", "/api/themes/t-1"));
      assertEquals("200 jobs /local/jobs/analyze", call(server, "POST", "/local/jobs/analyze"));
      assertEquals("200 digests /digests/latest", call(server, "GET", "/digests/latest"));
      assertEquals("200 digests /api/digests/2026-W47", call(server, "GET", "/api/digests/2026-W47"));
      assertTrue(call(server, "GET", "/health").startsWith("200 "));
    }
  }

  @Test
  void anotherMethodOnATemplateRouteIsAMethodNotAllowedProblem() throws Exception {
    try (LocalServer server = serve(LocalRoutes.fromTemplate(TEMPLATE))) {
      assertProblem(405, "method-not-allowed", send(server, "DELETE", "/api/feedback"));
    }
  }

  @Test
  void anotherMethodOnALocalRouteIsAMethodNotAllowedProblem() throws Exception {
    try (LocalServer server = serve(LocalRoutes.fromTemplate(TEMPLATE))) {
      assertProblem(405, "method-not-allowed", send(server, "GET", "/local/jobs/analyze"));
    }
  }

  @Test
  void anUnknownPathIsANotFoundProblem() throws Exception {
    try (LocalServer server = serve(LocalRoutes.fromTemplate(TEMPLATE))) {
      assertProblem(404, "not-found", send(server, "GET", "/nowhere"));
    }
  }

  @Test
  void aFailingServiceIsAnInternalErrorProblem() throws Exception {
    Map<String, FunctionIntegration> failing = Map.of(
        "IngestFunction", new FunctionIntegration(0, r -> {
          throw new IllegalStateException("boom");
        }),
        "ReadApiFunction", FAKE_FUNCTIONS.get("ReadApiFunction"),
        "DigestReadFunction", FAKE_FUNCTIONS.get("DigestReadFunction"));
    try (LocalServer server = new LocalServer(0, LocalRoutes.fromTemplate(TEMPLATE), failing, FAKE_JOBS, List::of)) {
      server.start();
      java.net.http.HttpResponse<String> r = send(server, "POST", "/webhooks/slack");
      assertProblem(500, "internal-error", r);
      assertTrue(!r.body().contains("boom"), "the cause stays in the log");
    }
  }

  @Test
  void aTemplateRouteToAFunctionTheStackCannotServeFailsTheStart() {
    RouteTable routes = new RouteTable(List.of(new Route("GET", "/reports", "ReportFunction")));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> serve(routes));
    assertTrue(e.getMessage().contains("ReportFunction"), e.getMessage());
  }

  @Test
  void theReadApiDispatchesExactlyTheRoutesTheTemplateGivesIt() throws Exception {
    Set<String> template = LocalRoutes.fromTemplate(TEMPLATE).routes().stream()
        .filter(r -> r.target().equals("ReadApiFunction")).map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
    Set<String> readApi = ReadApi.ROUTES.routes().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
    assertEquals(template, readApi);
  }

  private static LocalServer serve(RouteTable routes) throws Exception {
    LocalServer server = new LocalServer(0, routes, FAKE_FUNCTIONS, FAKE_JOBS, () -> List.of("slack"));
    server.start();
    return server;
  }

  private static java.net.http.HttpResponse<String> send(LocalServer server, String method, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private static String call(LocalServer server, String method, String path) throws Exception {
    java.net.http.HttpResponse<String> r = send(server, method, path);
    return r.statusCode() + " " + r.body();
  }

  private static void assertProblem(int status, String slug, java.net.http.HttpResponse<String> r) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    JsonNode p = JSON.readTree(r.body());
    assertEquals("https://listening-post.dev/problems/" + slug, p.get("type").asText());
    assertEquals(status, p.get("status").asInt());
  }
}
