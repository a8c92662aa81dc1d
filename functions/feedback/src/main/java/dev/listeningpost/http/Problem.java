package dev.listeningpost.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * RFC 9457 problem details, the only place they are built. {@code type} is a stable URI per problem
 * kind ({@value #TYPE_BASE}{@code <slug>}) that clients can match on; {@code detail} says what was
 * wrong with this request and never echoes a secret.
 */
public final class Problem {
  public static final String TYPE_BASE = "https://listening-post.dev/problems/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problem() {
  }

  /** A problem answer; a null {@code detail} is left out. */
  public static HttpResponse of(int status, String slug, String title, String detail) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", TYPE_BASE + slug);
    n.put("title", title);
    n.put("status", status);
    if (detail != null) {
      n.put("detail", detail);
    }
    return new HttpResponse(status, HttpResponse.PROBLEM_JSON, n.toString(), Map.of());
  }

  /** The answer to a refusal, with its headers (e.g. {@code Retry-After}). */
  public static HttpResponse of(ProblemException e) {
    return of(e.status(), e.slug(), e.title(), e.getMessage()).withHeaders(e.headers());
  }

  public static HttpResponse badRequest(String detail) {
    return of(400, "bad-request", "Bad request", detail);
  }

  public static HttpResponse notFound(String detail) {
    return of(404, "not-found", "Not found", detail);
  }

  public static HttpResponse methodNotAllowed(String detail) {
    return of(405, "method-not-allowed", "Method not allowed", detail);
  }

  /** 500: a fault of ours; the detail must not leak internals. */
  public static HttpResponse internalError(String detail) {
    return of(500, "internal-error", "Internal error", detail);
  }

  /** 503: storage failed transiently, so the caller should retry. */
  public static HttpResponse storageUnavailable(String detail) {
    return of(503, "storage-unavailable", "Temporarily unavailable", detail);
  }
}
