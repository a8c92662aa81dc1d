package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ParseFailuresTest {

  @Test
  void whatIsLoggedKeepsClassAndStackButNoPayloadQuotingMessage() {
    NumberFormatException e = new NumberFormatException("For input string: \"my secret complaint\"");
    RuntimeException logged = ParseFailures.loggable(new IllegalStateException("wrap: my secret complaint", e));

    assertEquals("java.lang.IllegalStateException", logged.getMessage());
    assertEquals("java.lang.NumberFormatException", logged.getCause().getMessage());
    assertArrayEquals(e.getStackTrace(), logged.getCause().getStackTrace());
    assertFalse(logged.toString().contains("complaint"));
  }

  @Test
  void webhookExceptionsKeepTheirCause() {
    RuntimeException cause = new IllegalArgumentException("bad key");
    assertSame(cause, WebhookException.malformed("unreadable", cause).getCause());
    assertSame(cause, WebhookException.unauthorized("unverifiable", cause).getCause());
  }
}
