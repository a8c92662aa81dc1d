package dev.listeningpost.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.math.BigDecimal;

/** JSON reading for adapters: malformed input is a 400, never an exception that turns into a 5xx. */
public final class Payloads {
  // Bounded nesting and string sizes: a hostile body cannot exhaust the stack or heap.
  // Duplicate keys are refused: parsers disagree on which value wins, so a body could mean one thing
  // to us and another to whatever reads the raw payload later.
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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

  private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

  /**
   * Slack-style "1700000000.000100" seconds to an Instant (microsecond precision kept). A number
   * beyond Instant's range saturates to {@link Instant#MIN}/{@link Instant#MAX}, which the sane-time
   * rule ({@link CreatedTimes}) then replaces: a number is never a reason to lose a delivery.
   */
  public static Instant epochSecondsDecimal(String ts, String field) {
    try {
      BigDecimal d = new BigDecimal(ts);
      if (d.compareTo(MIN_SECONDS) < 0) {
        return Instant.MIN;
      }
      if (d.compareTo(MAX_SECONDS) > 0) {
        return Instant.MAX;
      }
      long seconds = d.longValue();
      long nanos = d.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      throw WebhookException.malformed("field '" + field + "' is not a timestamp");
    }
  }

  /** An ISO-8601 instant ("2025-11-21T10:00:00Z", offsets allowed); anything else is a 400 naming the field. */
  public static Instant isoInstant(String value, String field) {
    if (value == null) {
      throw WebhookException.malformed("missing field '" + field + "'");
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return Instant.parse(value);
      } catch (java.time.format.DateTimeParseException e2) {
        throw WebhookException.malformed("field '" + field + "' is not an ISO-8601 timestamp");
      }
    }
  }

  /** A required object member; missing or not an object is a 400 naming it. */
  public static JsonNode object(JsonNode node, String field, String where) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || !v.isObject()) {
      throw WebhookException.malformed("missing object '" + where + field + "'");
    }
    return v;
  }

  /** Epoch seconds (a JSON number or numeric string) to an Instant; a 400 when it is not one. */
  public static Instant epochSeconds(JsonNode node, String field, String where) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || !(v.isNumber() || v.isTextual())) {
      throw WebhookException.malformed("missing field '" + where + field + "'");
    }
    try {
      return epochSecondsDecimal(v.isNumber() ? v.numberValue().toString() : v.asText().trim(), where + field);
    } catch (WebhookException e) {
      throw WebhookException.malformed("field '" + where + field + "' is not a timestamp");
    }
  }
}
