package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /local/jobs/alerts} on the packaged jar: a key account's message raises one alert, by email to the
 * outbox and as an SNS message in {@code outbox/alerts/}; the same window again raises nothing.
 */
class LocalAlertsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aKeyAccountsMessageAlertsOnceThroughTheLocalOutboxes(@TempDir Path dataDir) throws Exception {
    try (LocalJarProcess stack = LocalJarProcess.start(dataDir.resolve("stack.log"),
        Map.of("SLACK_SIGNING_SECRET", "restart-slack-signing-secret", "ALERTS_KEY_ACCOUNTS", "slack:U0MEMBER01"),
        "--data-dir", dataDir.toString())) {
      // Written 2025-11-21T10:00:01Z: in the hour the run at 11:05 checks.
      assertEquals(200, LocalStackRestartIT.slack(stack, LocalStackRestartIT.message(1)).statusCode(), stack.output());

      HttpResponse<String> first = stack.post("/local/jobs/alerts?at=2025-11-21T11:05:00Z");
      assertEquals(200, first.statusCode(), first.body());
      JsonNode result = JSON.readTree(first.body());
      assertEquals("2025-11-21T10:00:00Z", result.path("window").asText());
      assertEquals(1, result.path("sent").size(), first.body());
      assertTrue(result.path("sent").get(0).asText().startsWith("key-account#slack_"), first.body());
      try (Stream<Path> sns = Files.list(dataDir.resolve("outbox/alerts"))) {
        List<Path> messages = sns.filter(p -> p.toString().endsWith(".json")).toList();
        assertEquals(1, messages.size());
        assertTrue(Files.readString(messages.get(0)).contains("Exports time out on big workspaces"));
      }
      try (Stream<Path> mail = Files.list(dataDir.resolve("outbox"))) {
        assertTrue(mail.anyMatch(p -> p.getFileName().toString().matches("alert-key-account-.*-exec_example.com\\.eml")),
            "the alert email to the local recipient");
      }

      HttpResponse<String> again = stack.post("/local/jobs/alerts?at=2025-11-21T11:35:00Z");
      assertEquals(List.of(), JSON.convertValue(JSON.readTree(again.body()).path("sent"), List.class), again.body());
      assertEquals(1, JSON.readTree(again.body()).path("duplicates").size(), again.body());

      HttpResponse<String> bad = stack.post("/local/jobs/alerts?at=yesterday");
      assertEquals(400, bad.statusCode(), bad.body());
      assertEquals("application/problem+json", bad.headers().firstValue("content-type").orElse(""));
    }
  }
}
