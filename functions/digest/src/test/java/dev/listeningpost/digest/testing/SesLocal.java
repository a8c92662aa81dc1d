package dev.listeningpost.digest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SES v2 API emulator {@code aws-ses-v2-local} (tools/ses-local, installed by the build with
 * {@code npm ci}, or by this fixture on first use) as a node process on a free loopback port, for tests.
 *
 * <pre>
 * &#64;RegisterExtension static final SesLocal SES = new SesLocal();   // started before all, stopped after all
 * ... SesV2Client with endpointOverride(URI.create(SES.endpoint())) or property ses.endpoint = SES.endpoint()
 * SES.emails()  // what was sent (GET /store); SES.clear() between tests
 * </pre>
 * or {@code try (SesLocal ses = new SesLocal().start()) {...}}. Closing kills node and every
 * process it started (a plain destroy() can leave node running).
 */
public final class SesLocal implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private Path log;
  private String endpoint;

  /**
   * An email as the emulator stored it.
   *
   * @param headers the custom header fields of a Simple message as sent ({@code Content.Simple.Headers}), in
   *                order; the emulator keeps these, not the MIME it would build
   */
  public record Email(String messageId, String from, List<String> to, String subject, String html, String text,
                      List<Map.Entry<String, String>> headers) {
    /** The value of the first header field of that name (case-insensitive), or null. */
    public String header(String name) {
      return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }
  }

  /** Starts the emulator (no-op when running) and waits until it answers its health check. */
  public synchronized SesLocal start() {
    if (process != null) {
      return this;
    }
    Path cli = cliScript();
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      log = Files.createTempFile("ses-local-" + port + "-", ".log");
      process = new ProcessBuilder(System.getProperty("ses-local.node", "node"), cli.toString(),
          "--host", "127.0.0.1", "--port", Integer.toString(port))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      endpoint = "http://127.0.0.1:" + port;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("aws-ses-v2-local exited: " + Files.readString(log));
        }
        if (healthy()) {
          return this;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("aws-ses-v2-local did not answer /health-check: " + Files.readString(log));
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("could not start aws-ses-v2-local (is node on the PATH?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Base URL of the SES API, e.g. {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("SesLocal not started");
    }
    return endpoint;
  }

  /** {@code GET /store}: {@code {"templates":{...},"emails":[...]}}. */
  public JsonNode store() {
    try {
      return JSON.readTree(get("/store"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sent emails, oldest first. */
  public List<Email> emails() {
    List<Email> out = new ArrayList<>();
    for (JsonNode e : store().path("emails")) {
      List<String> to = new ArrayList<>();
      e.path("destination").path("to").forEach(t -> to.add(t.asText()));
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      e.path("headers").forEach(h -> headers.add(Map.entry(h.path("name").asText(), h.path("value").asText())));
      out.add(new Email(e.path("messageId").asText(), e.path("from").asText(), to, e.path("subject").asText(),
          e.path("body").path("html").asText(null), e.path("body").path("text").asText(null), List.copyOf(headers)));
    }
    return out;
  }

  /** {@code POST /clear-store}. */
  public void clear() {
    send(HttpRequest.newBuilder(URI.create(endpoint() + "/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Override
  public synchronized void close() {
    Process p = process;
    process = null;
    if (p == null) {
      return;
    }
    List<ProcessHandle> children = p.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** The package's own bin entry, from its package.json. */
  static Path cliScript() {
    Path pkg = repoRoot().resolve("tools/ses-local/node_modules/aws-ses-v2-local");
    Path manifest = pkg.resolve("package.json");
    if (!Files.isRegularFile(manifest)) {
      install(repoRoot().resolve("tools/ses-local"));
    }
    try {
      String bin = JSON.readTree(manifest.toFile()).path("bin").path("aws-ses-v2-local").asText("dist/cli.js");
      return pkg.resolve(bin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code npm ci} from the committed lock file (build time, from the npm registry). */
  private static synchronized void install(Path dir) {
    if (Files.isRegularFile(dir.resolve("node_modules/aws-ses-v2-local/package.json"))) {
      return;
    }
    try {
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
          .inheritIO().start();
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException("`npm ci` failed in " + dir + "; run it by hand to see why");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run npm (is node installed?) in " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path repoRoot() {
    String root = System.getProperty("lp.root");
    if (root != null && Files.isDirectory(Path.of(root, "tools", "ses-local"))) {
      return Path.of(root);
    }
    // Running from an IDE or a module directory: walk up to the repository root.
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("tools/ses-local"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root with tools/ses-local not found; set -Dlp.root");
  }

  private boolean healthy() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(endpoint + "/health-check"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(endpoint() + path)).GET());
  }

  private String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("aws-ses-v2-local answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
