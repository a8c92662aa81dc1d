package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.digest.testing.SesLocal;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, end to end: the packaged jar is started as its own process, a signed
 * Slack message goes in over real HTTP, and the weekly digest comes out in the outbox and through a
 * real SES API endpoint (aws-ses-v2-local), exactly once.
 */
class LocalRunnerEndToEndIT {
  private static final String SECRET = "e2e-slack-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PERMALINK = "https://slack.com/archives/C0FEEDBACK/p1763719200000100";

  @TempDir
  static Path dataDir;
  static SesLocal ses;
  static Process process;
  static String base;
  static Path log;

  @BeforeAll
  static void start() throws Exception {
    ses = new SesLocal().start();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    Path jar = Path.of(System.getProperty("lp.localJar", "target/listening-post-local.jar"));
    assertTrue(Files.exists(jar), "the local jar is built by mvn package: " + jar);
    log = dataDir.resolve("process.log");
    ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-jar", jar.toAbsolutePath().toString(),
        "--port", Integer.toString(port), "--data-dir", dataDir.toString(), "--in-memory")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
    pb.environment().put("SES_ENDPOINT", ses.endpoint());
    pb.environment().put("DIGEST_SENDER", "digest@listening-post.test");
    pb.environment().put("DIGEST_RECIPIENTS", "ceo@example.com,cpo@example.com");
    process = pb.start();
    Instant deadline = Instant.now().plusSeconds(90);
    while (true) {
      try {
        if (get("/health").statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("local jar did not start:\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (process != null && process.isAlive()) {
      // SIGTERM first: a SIGKILLed jar would leave its dynoxide child running.
      var children = process.descendants().toList();
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
      process.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
    if (ses != null) {
      ses.close();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> slack(byte[] body, String secret) throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8));
    String sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/slack"))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", sig)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode feedbackOfThatWeek() throws Exception {
    HttpResponse<String> r = get("/api/feedback?since=2025-11-17&until=2025-11-24");
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void signedSlackMessageBecomesExactlyOneDigestEmailPerRecipient() throws Exception {
    byte[] message = Files.readAllBytes(Path.of(System.getProperty("lp.root", "..")).resolve("events/ingest/slack/message.json"));

    // Forged: refused with a problem, nothing stored.
    HttpResponse<String> forged = slack(message, "not-the-secret");
    assertEquals(401, forged.statusCode());
    assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertEquals(0, feedbackOfThatWeek().get("count").asInt());

    // Signed, then retried twice by Slack: one item.
    for (int i = 0; i < 3; i++) {
      assertEquals(200, slack(message, SECRET).statusCode());
    }
    JsonNode week = feedbackOfThatWeek();
    assertEquals(1, week.get("count").asInt(), week.toString());
    JsonNode item = week.get("items").get(0);
    assertTrue(item.get("text").asText().startsWith("The new CSV export is great"));
    assertEquals(PERMALINK, item.get("permalink").asText());

    // The stream-driven analysis enriches it.
    assertEquals(200, post("/local/jobs/analyze").statusCode());
    JsonNode analyzed = feedbackOfThatWeek().get("items").get(0);
    assertTrue(analyzed.hasNonNull("sentimentLabel"), analyzed.toString());

    // Digest for that ISO week: outbox + SES, once per recipient.
    HttpResponse<String> digest = post("/local/jobs/digest?period=2025-W47");
    assertEquals(200, digest.statusCode(), digest.body());
    assertEquals(2, JSON.readTree(digest.body()).get("sent").size(), digest.body());

    List<SesLocal.Email> emails = ses.emails();
    assertEquals(2, emails.size());
    for (SesLocal.Email e : emails) {
      assertTrue(e.text().contains("times out for workspaces"), e.text());
      assertTrue(e.text().contains(PERMALINK), e.text());
      assertTrue(e.html().contains(PERMALINK));
    }
    List<Path> outbox;
    try (Stream<Path> files = Files.list(dataDir.resolve("outbox"))) {
      outbox = new ArrayList<>(files.toList());
    }
    assertEquals(2, outbox.stream().filter(p -> p.toString().endsWith(".eml")).count(), outbox.toString());
    for (Path p : outbox) {
      String content = Files.readString(p);
      if (p.toString().endsWith(".html")) {
        assertTrue(content.contains(PERMALINK), p.toString());
      } else {
        assertTrue(content.contains("multipart/alternative"), p.toString());
        assertTrue(content.contains("To: ceo@example.com") || content.contains("To: cpo@example.com"), content);
      }
    }

    // The job again: nothing new is sent.
    HttpResponse<String> again = post("/local/jobs/digest?period=2025-W47");
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(0, JSON.readTree(again.body()).get("sent").size(), again.body());
    assertEquals(2, ses.emails().size());

    HttpResponse<String> html = get("/digests/latest");
    assertEquals(200, html.statusCode());
    assertTrue(html.body().contains(PERMALINK));
    assertEquals("2025-W47", JSON.readTree(get("/api/digests/latest").body()).get("period").asText());
  }

  @Test
  void badReadApiInputIsAProblemAndUnknownRoutesAre404() throws Exception {
    HttpResponse<String> bad = get("/api/feedback?since=yesterday");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("since"));
    assertEquals(404, get("/nope").statusCode());
    HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/myspace"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, unknown.statusCode());
  }

  @Test
  void sigtermStopsTheProcessCleanly() throws Exception {
    // Runs on its own process so the other tests keep theirs.
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory(dataDir, "sigterm");
    Path jar = Path.of(System.getProperty("lp.localJar", "target/listening-post-local.jar"));
    Process p = new ProcessBuilder(javaBinary(), "-jar", jar.toAbsolutePath().toString(),
        "--port", Integer.toString(port), "--data-dir", dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    try {
      Instant deadline = Instant.now().plusSeconds(90);
      boolean up = false;
      while (!up && Instant.now().isBefore(deadline) && p.isAlive()) {
        try {
          up = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException notYet) {
          Thread.sleep(200);
        }
      }
      assertTrue(up, Files.readString(dir.resolve("log")));
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits after SIGTERM");
      assertEquals(143, p.exitValue());
      assertTrue(Files.isDirectory(dir.resolve("dynamodb")), "data kept under --data-dir");
      assertFalse(p.isAlive());
    } finally {
      var children = p.descendants().toList();
      p.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
