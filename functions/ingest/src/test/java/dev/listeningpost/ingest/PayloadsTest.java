package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  @Test
  void duplicateKeysAreMalformedAtAnyDepth() {
    for (String body : new String[] {"{\"text\":\"a\",\"text\":\"b\"}", "{\"event\":{\"user\":\"U1\",\"user\":\"U2\"}}"}) {
      WebhookException e = assertThrows(WebhookException.class,
          () -> Payloads.object(body.getBytes(StandardCharsets.UTF_8)), body);
      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains("Duplicate field"), e.getMessage());
    }
  }

  @Test
  void distinctKeysParse() {
    assertEquals("b", Payloads.object("{\"a\":1,\"text\":\"b\"}".getBytes(StandardCharsets.UTF_8)).get("text").asText());
  }
}
