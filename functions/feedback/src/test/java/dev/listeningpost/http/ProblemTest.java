package dev.listeningpost.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void isProblemJsonWithTypeTitleStatusAndDetail() throws Exception {
    HttpResponse r = Problem.of(415, "unsupported-media-type", "Unsupported media type", "expected application/json");
    assertEquals(415, r.status());
    assertEquals("application/problem+json", r.contentType());
    assertEquals(JSON.readTree("""
        {"type":"https://listening-post.dev/problems/unsupported-media-type","title":"Unsupported media type",
         "status":415,"detail":"expected application/json"}"""), JSON.readTree(r.body()));
  }

  @Test
  void leavesOutAnAbsentDetail() throws Exception {
    JsonNode body = JSON.readTree(Problem.of(404, "not-found", "Not found", null).body());
    assertFalse(body.has("detail"), body.toString());
  }

  @Test
  void anExceptionAnswersWithItsProblemAndHeaders() throws Exception {
    ProblemException e = new ProblemException(429, "rate-limited", "Too many requests", "slow down", Map.of("Retry-After", "3"));
    HttpResponse r = Problem.of(e);
    assertEquals(429, r.status());
    assertEquals("3", r.headers().get("Retry-After"));
    JsonNode body = JSON.readTree(r.body());
    assertEquals("https://listening-post.dev/problems/rate-limited", body.get("type").asText());
    assertEquals("slow down", body.get("detail").asText());
  }

  @Test
  void anExceptionKeepsItsCauseAndOnlyThenAStackTrace() {
    IllegalStateException cause = new IllegalStateException("bad key");
    ProblemException withCause = new ProblemException(401, "invalid-signature", "Signature verification failed", "no",
        Map.of(), cause);
    assertEquals(cause, withCause.getCause());
    assertFalse(withCause.getStackTrace().length == 0, "a refusal with a cause is logged with its trace");
    assertEquals(0, new ProblemException(400, "bad-request", "Bad request", "no").getStackTrace().length);
  }

  @Test
  void theCommonProblemsHaveTheirStatusAndType() throws Exception {
    assertType(400, "bad-request", Problem.badRequest("x"));
    assertType(404, "not-found", Problem.notFound("x"));
    assertType(405, "method-not-allowed", Problem.methodNotAllowed("x"));
    assertType(500, "internal-error", Problem.internalError("x"));
    assertType(503, "storage-unavailable", Problem.storageUnavailable("x"));
  }

  private static void assertType(int status, String slug, HttpResponse r) throws Exception {
    JsonNode body = JSON.readTree(r.body());
    assertEquals(status, r.status());
    assertEquals(status, body.get("status").asInt());
    assertEquals(Problem.TYPE_BASE + slug, body.get("type").asText());
  }
}
