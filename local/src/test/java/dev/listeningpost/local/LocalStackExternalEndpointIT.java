package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.store.FeedbackTable;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * --dynamodb-endpoint: the local stack uses a DynamoDB the user already runs (here the tests'
 * dynoxide) instead of starting its own, and its TTL sweep deletes expired items there as AWS would.
 */
@ExtendWith(DynoxideExtension.class)
class LocalStackExternalEndpointIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalJarProcess stack;
  private static DynamoDbClient dynamo;

  @TempDir
  static Path dataDir;

  @BeforeAll
  static void start() throws Exception {
    dynamo = DynoxideExtension.client();
    stack = LocalJarProcess.start(dataDir.resolve("stack.log"), Map.of("SLACK_SIGNING_SECRET", "restart-slack-signing-secret"),
        "--data-dir", dataDir.toString(), "--dynamodb-endpoint", DynoxideExtension.endpoint());
    assertTrue(stack.process.isAlive(), stack.output());
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void storesInTheGivenEndpointAndStartsNoEmulatorOfItsOwn() throws Exception {
    assertTrue(stack.children().isEmpty(), "no dynoxide child process");
    assertEquals(200, LocalStackRestartIT.slack(stack, LocalStackRestartIT.message(1)).statusCode());
    String id = JSON.readTree(stack.get("/api/feedback?since=2025-11-17&until=2025-11-24").body())
        .get("items").get(0).get("id").asText();
    var item = dynamo.getItem(b -> b.tableName(LocalTables.defaults().feedback())
        .key(Map.of(FeedbackTable.ID, AttributeValue.fromS(id)))).item();
    assertEquals("Exports time out on big workspaces", item.get(FeedbackTable.TEXT).s());
  }

  @Test
  void theTtlSweepDeletesExpiredItemsOnlyInTablesWithTtl() throws Exception {
    long now = Instant.now().getEpochSecond();
    put("ttl-expired", now - 60);
    put("ttl-current", now + 86_400);

    JsonNode swept = JSON.readTree(stack.post("/local/jobs/expire").body());

    assertTrue(swept.get("deleted").get(LocalTables.defaults().feedback()).asInt() >= 1, swept.toString());
    assertFalse(exists("ttl-expired"));
    assertTrue(exists("ttl-current"));
  }

  private static void put(String id, long expiresAt) {
    dynamo.putItem(b -> b.tableName(LocalTables.defaults().feedback()).item(Map.of(
        FeedbackTable.ID, AttributeValue.fromS(id),
        FeedbackTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)))));
  }

  private static boolean exists(String id) {
    return dynamo.getItem(b -> b.tableName(LocalTables.defaults().feedback())
        .key(Map.of(FeedbackTable.ID, AttributeValue.fromS(id)))).hasItem();
  }
}
