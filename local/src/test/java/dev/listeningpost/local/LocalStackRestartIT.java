package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack keeps its data across a restart: dynoxide persists under --data-dir, the stream
 * position is saved so nothing is analysed twice, the send log keeps the digest from going out
 * twice, and SIGTERM stops dynoxide with the jar.
 */
class LocalStackRestartIT {
  private static final String SECRET = "restart-slack-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEEK = "/api/feedback?since=2025-11-17&until=2025-11-24";

  @TempDir
  Path dataDir;

  @Test
  void feedbackThemesAndDigestsSurviveARestartAndNoStreamRecordIsAnalysedTwice() throws Exception {
    Map<String, String> env = Map.of("SLACK_SIGNING_SECRET", SECRET, "DIGEST_RECIPIENTS", "ceo@example.com");
    String themesBefore;
    String digestBefore;
    try (LocalJarProcess first = LocalJarProcess.start(dataDir.resolve("first.log"), env,
        "--data-dir", dataDir.toString())) {
      assertTrue(first.process.isAlive(), first.output());
      for (int i = 1; i <= 3; i++) {
        assertEquals(200, slack(first, message(i)).statusCode());
      }
      assertEquals(3, analyzedOutcomes(first.post("/local/jobs/analyze")).path("analyzed").asInt());
      assertEquals(200, first.post("/local/jobs/themes").statusCode());
      // Enrichment and theme write-backs are stream records too; drain them so the saved position is the end.
      first.post("/local/jobs/analyze");
      HttpResponse<String> digest = first.post("/local/jobs/digest?period=2025-W47");
      assertEquals(200, digest.statusCode(), digest.body());
      assertEquals(1, JSON.readTree(digest.body()).get("sent").size(), digest.body());
      themesBefore = first.get("/api/themes?period=2025-W47").body();
      digestBefore = first.get("/api/digests/latest").body();

      List<ProcessHandle> dynoxide = first.children();
      assertEquals(1, dynoxide.size(), "dynoxide runs as the jar's child process");
      assertEquals(143, first.terminate(), first.output());
      dynoxide.forEach(d -> d.onExit().join());
      assertFalse(dynoxide.get(0).isAlive(), "SIGTERM stops dynoxide too");
    }
    assertTrue(Files.exists(dataDir.resolve("dynamodb").resolve("listening-post.db")));
    assertTrue(Files.exists(dataDir.resolve("stream-checkpoints.properties")));

    try (LocalJarProcess second = LocalJarProcess.start(dataDir.resolve("second.log"), env,
        "--data-dir", dataDir.toString())) {
      JsonNode week = JSON.readTree(second.get(WEEK).body());
      assertEquals(3, week.get("count").asInt(), week.toString());
      week.get("items").forEach(item -> assertTrue(item.hasNonNull("sentimentLabel"), item.toString()));

      JsonNode analyze = JSON.readTree(second.post("/local/jobs/analyze").body());
      assertEquals(0, analyze.get("records").asInt(), "resumes after the saved sequence number: " + analyze);

      assertEquals(themesBefore, second.get("/api/themes?period=2025-W47").body());
      assertEquals(digestBefore, second.get("/api/digests/latest").body());
      HttpResponse<String> again = second.post("/local/jobs/digest?period=2025-W47");
      assertEquals(0, JSON.readTree(again.body()).get("sent").size(), "sent once per period and recipient");
    }
  }

  @Test
  void withoutADynoxideBinaryItStopsWithTheInstallCommand() throws Exception {
    Map<String, String> env = Map.of("DYNOXIDE_BIN", dataDir.resolve("no-such-binary").toString());
    try (LocalJarProcess p = LocalJarProcess.start(dataDir.resolve("missing.log"), env,
        "--data-dir", dataDir.toString())) {
      assertTrue(p.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(1, p.process.exitValue(), p.output());
      assertTrue(p.output().contains("tools/install-dynoxide.sh"), p.output());
    }
  }

  private static JsonNode analyzedOutcomes(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("outcomes");
  }

  /** The sample Slack message from events/, as the i-th distinct message of that week. */
  static byte[] message(int i) throws Exception {
    Path sample = Path.of(System.getProperty("lp.root", "..")).resolve("events/ingest/slack/message.json");
    ObjectNode root = (ObjectNode) JSON.readTree(Files.readAllBytes(sample));
    ObjectNode event = (ObjectNode) root.get("event");
    String ts = "17637192" + String.format("%02d", i) + ".000100";
    event.put("ts", ts).put("event_ts", ts);
    event.put("text", List.of("", "Exports time out on big workspaces", "Love the new dashboard, thanks!",
        "Where do I change my billing address?").get(i));
    root.put("event_id", "Ev0RESTART" + i);
    return JSON.writeValueAsBytes(root);
  }

  static HttpResponse<String> slack(LocalJarProcess p, byte[] body) throws Exception {
    return p.postSlack(body, SECRET);
  }

}
