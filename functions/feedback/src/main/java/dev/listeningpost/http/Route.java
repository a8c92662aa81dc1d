package dev.listeningpost.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A route as API Gateway HTTP APIs declare it: {@code method path -> target}. The path is a template:
 * a {@code {name}} segment matches any one non-empty segment, a last {@code {name+}} segment (greedy,
 * e.g. {@code {proxy+}}) the rest of the path, one segment or more. Method {@code ANY} matches every method.
 *
 * @param method upper-case method or {@code ANY}
 * @param path   path template, e.g. {@code /api/themes/{id}}
 * @param target what serves it, e.g. a function's logical id or an operation name
 */
public record Route(String method, String path, String target) {

  public Route {
    method = method.toUpperCase(Locale.ROOT);
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with '/': " + path);
    }
    String[] segments = segments(path);
    for (int i = 0; i < segments.length - 1; i++) {
      if (greedy(segments[i])) {
        throw new IllegalArgumentException("only the last segment may be greedy: " + path);
      }
    }
  }

  /**
   * Most specific first, as API Gateway selects among routes that match: segment by segment from the
   * left a literal before a {@code {param}} before a greedy {@code {param+}}, then a method before {@code ANY}.
   */
  public static final java.util.Comparator<Route> MOST_SPECIFIC_FIRST = (a, b) -> {
    String[] x = segments(a.path);
    String[] y = segments(b.path);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Integer.compare(kind(x[i]), kind(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare("ANY".equals(a.method), "ANY".equals(b.method));
  };

  public boolean matchesMethod(String requestMethod) {
    return "ANY".equals(method) || method.equalsIgnoreCase(requestMethod);
  }

  /** The path parameters by name when the request path matches the template, whatever the method. */
  public Optional<Map<String, String>> match(String requestPath) {
    String[] want = segments(path);
    String[] got = segments(requestPath);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (greedy(want[i])) {
        String rest = String.join("/", java.util.Arrays.copyOfRange(got, Math.min(i, got.length), got.length));
        if (rest.isEmpty()) {
          return Optional.empty();
        }
        params.put(name(want[i]), rest);
        return Optional.of(params);
      }
      if (i >= got.length) {
        return Optional.empty();
      }
      if (param(want[i])) {
        if (got[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(name(want[i]), got[i]);
      } else if (!want[i].equals(got[i])) {
        return Optional.empty();
      }
    }
    return want.length == got.length ? Optional.of(params) : Optional.empty();
  }

  /** Segments after the leading slash; a trailing slash leaves an empty last segment, so {@code /a/} is not {@code /a}. */
  private static String[] segments(String path) {
    return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
  }

  /** 0 literal, 1 parameter, 2 greedy parameter. */
  private static int kind(String segment) {
    return greedy(segment) ? 2 : param(segment) ? 1 : 0;
  }

  private static boolean param(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static boolean greedy(String segment) {
    return param(segment) && segment.endsWith("+}");
  }

  private static String name(String segment) {
    return segment.substring(1, segment.length() - (greedy(segment) ? 2 : 1));
  }
}
