package dev.listeningpost.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

  @Test
  void headersAreFoundByAnyCase() {
    HttpRequest r = new HttpRequest("post", "/webhooks/slack", Map.of("X-Slack-Signature", "v0=abc"), null, null);
    assertEquals("v0=abc", r.header("x-slack-signature"));
    assertEquals("v0=abc", r.headers().get("x-slack-signature"));
    assertEquals("POST", r.method());
  }

  @Test
  void theFirstOfTwoSpellingsOfAHeaderWins() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("content-type", "text/plain");
    assertEquals("application/json", new HttpRequest("POST", "/", headers, null, null).header("content-type"));
  }

  @Test
  void theMediaTypeIsLowerCaseWithoutParameters() {
    HttpRequest r = new HttpRequest("POST", "/", Map.of("Content-Type", "Application/JSON; charset=utf-8"), null, null);
    assertEquals("application/json", r.mediaType());
    assertNull(new HttpRequest("POST", "/", null, null, null).mediaType());
  }

  @Test
  void absentPartsHaveDefaults() {
    HttpRequest r = new HttpRequest(null, null, null, null, null);
    assertEquals("GET", r.method());
    assertEquals("/", r.path());
    assertEquals(Map.of(), r.query());
    assertEquals(0, r.body().length);
  }
}
