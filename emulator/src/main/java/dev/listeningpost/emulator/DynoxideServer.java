package dev.listeningpost.emulator;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code dynoxide serve} as a child process on a free loopback port: in memory, or persisted to a
 * SQLite file ({@code --db-path}). Closing it sends SIGTERM (dynoxide then shuts down cleanly) and
 * waits; a JVM shutdown hook does the same if the owner never closes it.
 */
public final class DynoxideServer implements AutoCloseable {
  private static final int START_ATTEMPTS = 5;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final String endpoint;
  private final Thread shutdownHook;

  private DynoxideServer(Process process, String endpoint) {
    this.process = process;
    this.endpoint = endpoint;
    this.shutdownHook = new Thread(this::stopProcess, "dynoxide-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts dynoxide and returns once it answers HTTP.
   *
   * @param dbPath the SQLite file to keep data in, or empty for an in-memory server
   * @param log    where dynoxide's own output goes (appended), or empty to discard it
   */
  public static DynoxideServer start(Path binary, Optional<Path> dbPath, Optional<Path> log) {
    IllegalStateException last = null;
    // dynoxide logs ":0" for --port 0, so the port is chosen here; another process may take it
    // between the probe and the bind, hence a few attempts.
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      int port = freePort();
      Process process = launch(binary, port, dbPath, log);
      String endpoint = "http://127.0.0.1:" + port;
      try {
        awaitReady(process, endpoint);
        return new DynoxideServer(process, endpoint);
      } catch (IllegalStateException e) {
        destroy(process);
        last = e;
      }
    }
    throw last;
  }

  /** The HTTP endpoint to give the AWS SDK ({@code endpointOverride}). */
  public String endpoint() {
    return endpoint;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from another shutdown hook: ours runs (harmlessly) as well.
    }
  }

  private void stopProcess() {
    destroy(process);
  }

  private static void destroy(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: dynoxide finishes its SQLite writes and exits
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Process launch(Path binary, int port, Optional<Path> dbPath, Optional<Path> log) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "serve",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--log", "quiet"));
    dbPath.ifPresent(p -> command.addAll(List.of("--db-path", p.toAbsolutePath().toString())));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    try {
      if (log.isPresent()) {
        Files.createDirectories(log.get().toAbsolutePath().getParent());
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.get().toFile()));
      } else {
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      }
      if (dbPath.isPresent()) {
        Files.createDirectories(dbPath.get().toAbsolutePath().getParent());
      }
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + binary + ": " + e.getMessage(), e);
    }
  }

  private static void awaitReady(Process process, String endpoint) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("dynoxide exited with " + process.exitValue() + " before answering on "
            + endpoint);
      }
      if (answers(endpoint)) {
        return;
      }
      sleep(20);
    }
    throw new IllegalStateException("dynoxide did not answer on " + endpoint + " within " + READY_TIMEOUT);
  }

  private static boolean answers(String endpoint) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
      c.setConnectTimeout(200);
      c.setReadTimeout(1000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for dynoxide", e);
    }
  }
}
