package dev.listeningpost.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.listeningpost.http.RouteTable;
import dev.listeningpost.local.invoke.CfnYaml;
import dev.listeningpost.local.invoke.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CORS has one owner, the widget adapter's per-source origin lists: an HTTP API CorsConfiguration
 * would make API Gateway answer preflights itself and drop the function's CORS headers.
 */
class TemplateCorsTest {
  private static final Path TEMPLATE = Path.of(System.getProperty("lp.root", "..")).resolve("template.yaml");

  @Test
  void noHttpApiConfiguresCors() throws IOException {
    Map<String, Object> resources = map(CfnYaml.load(TEMPLATE).get("Resources"));
    resources.forEach((id, raw) -> {
      Map<String, Object> resource = map(raw);
      if ("AWS::Serverless::HttpApi".equals(resource.get("Type"))) {
        assertFalse(map(resource.get("Properties")).containsKey("CorsConfiguration"), id + " configures CORS");
      }
    });
  }

  @Test
  void widgetPreflightsReachTheIngestFunction() throws IOException {
    RouteTable routes = new RouteTable(SamTemplate.load(TEMPLATE).httpRoutes());
    RouteTable.Lookup preflight = routes.lookup("OPTIONS", "/webhooks/widget/acme");
    assertEquals(RouteTable.Outcome.MATCHED, preflight.outcome());
    assertEquals("IngestFunction", preflight.route().target());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
