package dev.listeningpost.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes and how a request resolves against them: the most specific route matching method and path
 * wins ({@link Route#MOST_SPECIFIC_FIRST}, then declaration order); a path that only other methods
 * serve is a 405, or for {@code OPTIONS} a CORS preflight the path's owner may answer.
 *
 * @param routes kept most specific first
 */
public record RouteTable(List<Route> routes) {

  public RouteTable {
    routes = routes.stream().sorted(Route.MOST_SPECIFIC_FIRST).toList();
  }

  public enum Outcome {
    /** A route serves this method and path. */
    MATCHED,
    /** {@code OPTIONS} on a path other methods are routed for. */
    PREFLIGHT,
    /** Other methods are routed for this path. */
    METHOD_NOT_ALLOWED,
    /** No route has this path. */
    NOT_FOUND
  }

  /**
   * @param route  the matching route; for {@code PREFLIGHT} and {@code METHOD_NOT_ALLOWED} the first
   *               route with this path; null when {@code NOT_FOUND}
   * @param params the path parameters of the route, by name
   */
  public record Lookup(Outcome outcome, Route route, Map<String, String> params) {
    public Lookup {
      params = params == null ? Map.of() : Map.copyOf(params);
    }

    public String param(String name) {
      return params.get(name);
    }
  }

  public Lookup lookup(String method, String path) {
    Route samePath = null;
    Map<String, String> samePathParams = null;
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(path);
      if (params.isEmpty()) {
        continue;
      }
      if (route.matchesMethod(method)) {
        return new Lookup(Outcome.MATCHED, route, params.get());
      }
      if (samePath == null) {
        samePath = route;
        samePathParams = params.get();
      }
    }
    if (samePath == null) {
      return new Lookup(Outcome.NOT_FOUND, null, Map.of());
    }
    return new Lookup("OPTIONS".equalsIgnoreCase(method) ? Outcome.PREFLIGHT : Outcome.METHOD_NOT_ALLOWED,
        samePath, samePathParams);
  }
}
