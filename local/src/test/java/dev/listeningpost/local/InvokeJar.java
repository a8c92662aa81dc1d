package dev.listeningpost.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar listening-post-local.jar invoke ...} as a user runs it: its own process, from the repository root. */
final class InvokeJar {
  static final Path ROOT = Path.of(System.getProperty("lp.root", "..")).toAbsolutePath().normalize();

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
}
