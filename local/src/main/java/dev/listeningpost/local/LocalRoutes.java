package dev.listeningpost.local;

import dev.listeningpost.http.Route;
import dev.listeningpost.http.RouteTable;
import dev.listeningpost.local.invoke.SamTemplate;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local server's routes: the HTTP API routes template.yaml declares (method, path, function),
 * read at start so a route added to the template is served without a second registration, and
 * the routes only the local stack has, listed separately.
 */
final class LocalRoutes {
  /** Targets of the local-only routes. */
  static final String INDEX = "index";
  static final String HEALTH = "health";
  static final String JOBS = "jobs";

  /** Routes only the local stack serves: not in the template, never deployed. */
  static final RouteTable LOCAL_ONLY = new RouteTable(List.of(
      new Route("GET", "/", INDEX),
      new Route("GET", "/health", HEALTH),                       // liveness and the channels served
      new Route("GET", "/digests/{proxy+}", JOBS),               // the latest digest as the executive sees it
      new Route("GET", "/api/digests/{proxy+}", JOBS),           // the latest digest as JSON
      new Route("POST", "/local/jobs/{proxy+}", JOBS)));         // analyze, themes, digest, reparse, expire

  /** The bundled copy of the template, for a jar started outside the repository. */
  static final String BUNDLED_TEMPLATE = "/listening-post/template.yaml";

  private LocalRoutes() {
  }

  /** The routes of template.yaml of the working directory (the repository root) if there is one, else of the jar's copy. */
  static RouteTable fromTemplate(Path workingTemplate) throws IOException {
    if (Files.isRegularFile(workingTemplate)) {
      return new RouteTable(SamTemplate.load(workingTemplate).httpRoutes());
    }
    var in = LocalRoutes.class.getResourceAsStream(BUNDLED_TEMPLATE);
    if (in == null) {
      throw new IOException("no " + workingTemplate + " and no bundled template in the jar");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new RouteTable(SamTemplate.read(r).httpRoutes());
    }
  }
}
