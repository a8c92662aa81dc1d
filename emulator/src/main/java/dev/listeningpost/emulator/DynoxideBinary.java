package dev.listeningpost.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the dynoxide binary is. Looked up in the same order as {@code tools/install-dynoxide.sh}:
 * {@code DYNOXIDE_BIN}, the project cache, {@code PATH}; the script is the one place that installs it.
 */
public final class DynoxideBinary {
  /** The pinned crate release (dynoxide-rs); bump together with tools/install-dynoxide.sh. */
  public static final String VERSION = "3.2.0";
  public static final String INSTALL_COMMAND = "tools/install-dynoxide.sh";

  private DynoxideBinary() {
  }

  /** An installed binary, if one is found without installing anything. */
  public static Optional<Path> find(Map<String, String> env) {
    String explicit = env.get("DYNOXIDE_BIN");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    Path cached = cacheDir(env).resolve("dynoxide-" + VERSION).resolve("bin").resolve("dynoxide");
    if (Files.isExecutable(cached)) {
      return Optional.of(cached);
    }
    return onPath(env);
  }

  /**
   * The binary, installing it with the project's script under {@code projectRoot} when missing
   * (tests and benchmarks; the local jar only looks, see {@link #find}).
   */
  public static Path findOrInstall(Map<String, String> env, Path projectRoot) {
    return find(env).orElseGet(() -> install(projectRoot));
  }

  /** The message a user sees when there is no binary: what to run. */
  public static String missingMessage() {
    return "dynoxide " + VERSION + " (the local DynamoDB emulator) is not installed. Run " + INSTALL_COMMAND
        + " from the repository (needs Rust's cargo; a one-off build of a few minutes), set DYNOXIDE_BIN to a"
        + " dynoxide binary, or use an existing DynamoDB endpoint with --dynamodb-endpoint URL.";
  }

  static Path cacheDir(Map<String, String> env) {
    String lp = env.get("LP_CACHE");
    if (lp != null && !lp.isBlank()) {
      return Path.of(lp);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("listening-post");
  }

  private static Optional<Path> onPath(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "dynoxide");
      if (Files.isExecutable(candidate) && isDynoxide(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  // dynoxide-rs 3.2.0 reports itself as "dynoxide 1.5.0", so the name is checked, not the number.
  private static boolean isDynoxide(Path binary) {
    try {
      Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 && out.startsWith("dynoxide ");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path install(Path projectRoot) {
    Path script = projectRoot.resolve(INSTALL_COMMAND);
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(missingMessage() + " (no " + script + ")");
    }
    try {
      // The script logs to stderr (inherited, so a first build's progress is visible) and prints the path.
      Process p = new ProcessBuilder(script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0 || out.isEmpty()) {
        throw new IllegalStateException(INSTALL_COMMAND + " failed (exit " + p.exitValue() + "); " + missingMessage());
      }
      String last = out.lines().reduce((a, b) -> b).orElseThrow();
      return Path.of(last);
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing dynoxide", e);
    }
  }
}
