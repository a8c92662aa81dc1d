package dev.listeningpost.local.invoke;

/** An {@code HttpApi} event of a function in the template: {@code method path -> function}. */
public record HttpRoute(String method, String path, String functionId) {

  /** Whether a request path matches the route's path, {@code {param}} segments matching any one segment. */
  public boolean matches(String requestMethod, String requestPath) {
    if (!method.equalsIgnoreCase(requestMethod) && !"ANY".equalsIgnoreCase(method)) {
      return false;
    }
    return pathMatches(requestPath);
  }

  public boolean pathMatches(String requestPath) {
    String[] want = path.split("/", -1);
    String[] got = requestPath.split("/", -1);
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      boolean param = want[i].startsWith("{") && want[i].endsWith("}");
      if (param ? got[i].isEmpty() : !want[i].equals(got[i])) {
        return false;
      }
    }
    return true;
  }
}
