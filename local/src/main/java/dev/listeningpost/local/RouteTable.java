package dev.listeningpost.local;

import dev.listeningpost.local.invoke.HttpRoute;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The local server's routes: the HTTP API routes template.yaml declares (method, path, function),
 * read at start so a route added to the template is served without a second registration, and
 * the routes only the local stack has, listed separately.
 */
record RouteTable(List<HttpRoute> templateRoutes) {

  /** A route only the local stack serves: a path, or a path prefix ending in {@code /} (other than {@code /} itself). */
  record LocalRoute(String method, String path, String what) {
    boolean matches(String requestPath) {
      return path.length() > 1 && path.endsWith("/") ? requestPath.startsWith(path) : requestPath.equals(path);
    }
  }

  static final List<LocalRoute> LOCAL_ROUTES = List.of(
      new LocalRoute("GET", "/", "index page"),
      new LocalRoute("GET", "/health", "liveness and the channels served"),
      new LocalRoute("GET", "/digests/", "the latest digest as the executive sees it"),
      new LocalRoute("GET", "/api/digests/", "the latest digest as JSON"),
      new LocalRoute("POST", "/local/jobs/", "analyze, themes, digest, reparse, expire on demand"));

  /** The HTTP API routes of the template the local stack follows ({@link TemplateFile}). */
  static RouteTable load(Path workingTemplate) throws IOException {
    return new RouteTable(TemplateFile.load(workingTemplate).httpRoutes());
  }

  /** The template route for this method and path. */
  Optional<HttpRoute> route(String method, String path) {
    return templateRoutes.stream().filter(r -> r.matches(method, path)).findFirst();
  }

  /** A template route with this path and any method (to answer 405 or a CORS preflight). */
  Optional<HttpRoute> anyMethod(String path) {
    return templateRoutes.stream().filter(r -> r.pathMatches(path)).findFirst();
  }

  Optional<LocalRoute> localRoute(String path) {
    return LOCAL_ROUTES.stream().filter(r -> r.matches(path)).findFirst();
  }
}
