package dev.listeningpost.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.ingest.http.WebhookException;
import java.io.IOException;
import java.time.Instant;
import java.math.BigDecimal;

/** JSON reading for adapters: malformed input is a 400, never an exception that turns into a 5xx. */
public final class Payloads {
  // Bounded nesting and string sizes: a hostile body cannot exhaust the stack or heap.
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
      .build());

  private Payloads() {
  }

  public static ObjectMapper mapper() {
    return JSON;
  }

  /** Parses a JSON object body; anything else is a 400. */
  public static JsonNode object(byte[] body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw WebhookException.malformed("body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw WebhookException.malformed("body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw WebhookException.malformed("body must be a JSON object");
    }
    return node;
  }

  /** A required text field; missing or not text is a 400 naming the field. */
  public static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isValueNode() || v.isNull() || v.asText().isEmpty()) {
      throw WebhookException.malformed("missing field '" + where + field + "'");
    }
    return v.asText();
  }

  /** An optional text field; null when absent, null or empty. */
  public static String optText(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty() ? null : v.asText();
  }

  /** Slack-style "1700000000.000100" seconds to an Instant (microsecond precision kept). */
  public static Instant epochSecondsDecimal(String ts, String field) {
    try {
      BigDecimal d = new BigDecimal(ts);
      long seconds = d.longValue();
      long nanos = d.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      throw WebhookException.malformed("field '" + field + "' is not a timestamp");
    }
  }
}
