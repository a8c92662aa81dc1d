package dev.listeningpost.local;

import dev.listeningpost.http.Route;
import dev.listeningpost.http.RouteTable;
import java.io.IOException;
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
  // The digest archive (/digests/{period}, /api/digests/{period}) is a template route: DigestReadFunction.
  static final RouteTable LOCAL_ONLY = new RouteTable(List.of(
      new Route("GET", "/", INDEX),
      new Route("GET", "/health", HEALTH),                       // liveness and the channels served
      new Route("POST", "/local/jobs/{proxy+}", JOBS)));         // analyze, themes, digest, alerts, reparse, expire

  private LocalRoutes() {
  }

  /** The routes of the template the local stack follows ({@link TemplateFile}). */
  static RouteTable fromTemplate(Path workingTemplate) throws IOException {
    return new RouteTable(TemplateFile.load(workingTemplate).httpRoutes());
  }
}
