package dev.listeningpost.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.ingest.Signatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar listening-post-local.jar invoke ...} as a user runs it: its own process, from the repository root. */
final class InvokeJar {
  static final Path ROOT = Path.of(System.getProperty("lp.root", "..")).toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  record Outcome(int exit, String stdout, String stderr) {
  }

  private InvokeJar() {
  }

  static Outcome run(Map<String, String> env, Path scratch, String... args) throws Exception {
    Path jar = Path.of(System.getProperty("lp.localJar", "target/listening-post-local.jar")).toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(LocalJarProcess.javaBinary(), "-jar", jar.toString(), "invoke"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(scratch, "stdout", ".json");
    Path err = Files.createTempFile(scratch, "stderr", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("DYNAMODB_ENDPOINT");
    pb.environment().putAll(env);
    Process p = pb.start();
    // A bound so a hung process fails the test instead of the build; invocations take seconds.
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("invoke did not exit:\n" + Files.readString(err));
    }
    return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /**
   * A copy of a sample API Gateway event with its Slack signature made now (Slack rejects
   * signatures older than 5 minutes), as events/ingest/apigw/resign.py does; other events unchanged.
   */
  static Path freshlySigned(Path event, String slackSecret, Path dir) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(event.toFile());
    ObjectNode headers = (ObjectNode) root.get("headers");
    if (headers == null || !headers.has("x-slack-signature")) {
      return event;
    }
    String ts = Long.toString(Instant.now().getEpochSecond());
    byte[] body = root.path("body").asText("").getBytes(StandardCharsets.UTF_8);
    headers.put("x-slack-request-timestamp", ts);
    headers.put("x-slack-signature",
        "v0=" + Signatures.hmacSha256Hex(slackSecret, ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body));
    ((ObjectNode) root.get("requestContext")).put("timeEpoch", Long.parseLong(ts) * 1000);
    Path out = dir.resolve("now-" + event.getFileName());
    JSON.writeValue(out.toFile(), root);
    return out;
  }
}
