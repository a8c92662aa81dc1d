package dev.listeningpost.digest.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes each SNS message to {@code {dir}/{alert key}.json} instead of publishing it: the local stack has
 * no SNS. The file holds what Publish would send ({@code Subject}, {@code Message}, {@code MessageAttributes}).
 */
public class OutboxSnsPublisher implements SnsPublisher {
  private static final JsonFactory JSON = new JsonFactory();
  private final Path dir;

  public OutboxSnsPublisher(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Where the message of an alert key goes. */
  public Path file(String key) {
    String clean = key.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "_");
    return dir.resolve((clean.length() > 150 ? clean.substring(0, 150) : clean) + ".json");
  }

  @Override
  public String publish(AlertNotification n) {
    try {
      Files.createDirectories(dir);
      Path target = file(n.key());
      Path tmp = Files.createTempFile(dir, ".sns", ".tmp");
      try {
        Files.writeString(tmp, json(n), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return "outbox-" + UUID.randomUUID();
    } catch (IOException | UncheckedIOException e) {
      throw new AlertDeliveryException("alert outbox not writable: " + dir, e);
    }
  }

  private static String json(AlertNotification n) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("Subject", n.subject());
      g.writeStringField("Message", n.message());
      g.writeObjectFieldStart("MessageAttributes");
      for (var a : new java.util.TreeMap<>(n.attributes()).entrySet()) {
        g.writeStringField(a.getKey(), a.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toString();
  }
}
