package dev.listeningpost.local;

import dev.listeningpost.ingest.Signatures;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged local jar as a user starts it: its own process, stopped with SIGTERM. */
final class LocalJarProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Process process;
  final int port;
  final Path log;

  private LocalJarProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the jar with these arguments (plus --port) and returns once /health answers or it exited. */
  static LocalJarProcess start(Path log, Map<String, String> env, String... args) throws Exception {
    int port = freePort();
    Path jar = Path.of(System.getProperty("lp.localJar", "target/listening-post-local.jar"));
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toAbsolutePath().toString(),
        "--port", Integer.toString(port)));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    LocalJarProcess p = new LocalJarProcess(pb.start(), port, log);
    p.awaitHealthyOrExit();
    return p;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A Slack Events API delivery signed with {@code secret} (v0 scheme, timestamp now). */
  HttpResponse<String> postSlack(byte[] body, String secret) throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    String sig = "v0=" + Signatures.hmacSha256Hex(secret, ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body);
    return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/webhooks/slack"))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", sig)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  /** The child processes (dynoxide) it started. */
  List<ProcessHandle> children() {
    return process.children().toList();
  }

  /** SIGTERM, as Ctrl-C or a service manager stops it; returns the exit code. */
  int terminate() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no exit within 60 s after SIGTERM:\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    // Never SIGKILL the jar first: its children would be orphaned.
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  private void awaitHealthyOrExit() throws Exception {
    Instant deadline = Instant.now().plusSeconds(90);
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        if (get("/health").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    if (process.isAlive()) {
      throw new IllegalStateException("local jar did not start within 90 s:\n" + output());
    }
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
