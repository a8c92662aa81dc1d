package dev.listeningpost.bench.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ingest cold start measured the way Lambda runs a Java function: a fresh JVM running AWS's runtime
 * interface client ({@code AWSLambda <handler>}) against {@link RuntimeApiEmulator}, timed from process
 * spawn to the first response the client posts back. The event is a correctly signed Slack message (a new
 * message each run) and storage is dynoxide over HTTP (a child process), so the first invocation does
 * a real conditional put.
 *
 * <p>Variants ({@code --variants}, comma separated, run interleaved): a base ({@code micronaut}: the shaded
 * ingest function with {@code dev.listeningpost.ingest.IngestHandler}; {@code plain}: the same work in a
 * plain {@code RequestHandler}, no Micronaut; {@code floor}: a handler doing nothing) plus options joined
 * with {@code +}: {@code c1} (-XX:TieredStopAtLevel=1), {@code serial} (-XX:+UseSerialGC), {@code lambda}
 * (the java17 runtime's own defaults: -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC),
 * {@code nodeduce} (-Dmicronaut.env.deduction=false).
 */
public final class ColdStart {
  static final String SECRET = "bench-signing-secret";
  static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  static final String DEFAULT_VARIANTS =
      "micronaut,plain,micronaut+c1,plain+c1,micronaut+nodeduce,micronaut+c1+nodeduce,micronaut+lambda,plain+lambda,floor";

  record Variant(String name, String jar, String handler, List<String> jvmFlags) {
  }

  record Run(long totalNanos, long initNanos, long invokeNanos) {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path root = SlackEvents.repoRoot();
    int runs = Integer.parseInt(opts.getOrDefault("runs", "10"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "1"));
    String java = opts.getOrDefault("java", ProcessHandle.current().info().command().orElse("java"));
    Path functionJar = root.resolve(opts.getOrDefault("function-jar", "functions/ingest/target/ingest-function.jar"));
    Path plainJar = root.resolve(opts.getOrDefault("plain-jar", "bench/target/plain-ingest-function.jar"));
    Path runtimeDir = root.resolve(opts.getOrDefault("runtime-dir", "bench/target/lambda-runtime"));
    Path logDir = root.resolve(opts.getOrDefault("log-dir", "bench/target/coldstart"));
    List<String> extraFlags = opts.containsKey("jvm") ? List.of(opts.get("jvm").trim().split("\\s+")) : List.of();
    List<Variant> variants = new ArrayList<>();
    for (String name : opts.getOrDefault("variants", DEFAULT_VARIANTS).split(",")) {
      variants.add(variant(name.trim(), functionJar, plainJar, extraFlags));
    }
    for (Path p : List.of(functionJar, plainJar, runtimeDir)) {
      if (!Files.exists(p)) {
        throw new IllegalStateException(p + " is missing: build with mvn -B -q -pl bench -am package -DskipTests");
      }
    }
    String runtimeCp;
    try (var files = Files.list(runtimeDir)) {
      runtimeCp = String.join(File.pathSeparator, files.filter(f -> f.toString().endsWith(".jar")).sorted()
          .map(Path::toString).toList());
    }
    Path taskRoot = Files.createDirectories(logDir.resolve("task-root"));
    SlackEvents events = new SlackEvents(root);

    System.out.printf(Locale.ROOT, "java: %s (%s)%n", java, javaVersion(java));
    System.out.printf(Locale.ROOT, "runs: %d per variant (+%d warm-up, discarded), interleaved; load before: %s%n",
        runs, warmup, loadAverage());
    try (BenchTable dynamo = new BenchTable(); RuntimeApiEmulator api = new RuntimeApiEmulator()) {
      System.out.printf(Locale.ROOT, "storage: dynoxide over HTTP at %s, table %s (each run stores a new message)%n",
          dynamo.endpoint(), dynamo.table());
      Map<String, List<Run>> results = new LinkedHashMap<>();
      variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
      long seq = System.currentTimeMillis() % 1_000_000;
      for (int i = 0; i < warmup + runs; i++) {
        for (Variant v : variants) {
          Run r = once(java, v, runtimeCp, taskRoot, logDir, api, dynamo, events, seq++);
          if (i >= warmup) {
            results.get(v.name()).add(r);
          }
        }
      }
      System.out.printf(Locale.ROOT, "load after: %s%n%n", loadAverage());
      report(results);
    }
    // Exit explicitly: SDK and HTTP threads may linger; the shutdown hook stops dynoxide.
    System.exit(0);
  }

  static Run once(String java, Variant v, String runtimeCp, Path taskRoot, Path logDir, RuntimeApiEmulator api,
                  BenchTable dynamo, SlackEvents events, long n) throws Exception {
    String body = v.name().startsWith("floor") ? events.messageBody() : events.uniqueMessageBody(n);
    var outcome = api.arm(events.apiGatewayJson(body, SlackEvents.signedHeaders(SECRET, Instant.now(), body)));
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(v.jvmFlags());
    cmd.add("-cp");
    cmd.add(v.jar() + File.pathSeparator + runtimeCp);
    cmd.add(RIC_MAIN);
    cmd.add(v.handler());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile());
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    env.clear();
    env.putAll(lambdaEnvironment(api.address(), v.handler(), taskRoot));
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("DYNAMODB_ENDPOINT", dynamo.endpoint());
    env.put("FEEDBACK_TABLE", dynamo.table());
    File log = logDir.resolve(v.name().replace('+', '_') + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);

    long start = System.nanoTime();
    Process p = pb.start();
    RuntimeApiEmulator.Outcome o;
    try {
      o = outcome.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(v.name() + ": no response within 60 s; see " + log);
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    if (!o.ok() || !o.body().contains("\"statusCode\":200") || !v.name().startsWith("floor") && !o.body().contains("\\\"stored\\\":1")) {
      throw new IllegalStateException(v.name() + ": unexpected answer " + o.body() + "; see " + log);
    }
    return new Run(o.responseNanos() - start, o.firstNextNanos() - start, o.responseNanos() - o.firstNextNanos());
  }

  /** What Lambda puts in a java17 function's environment (less credentials, which local storage ignores). */
  static Map<String, String> lambdaEnvironment(String runtimeApi, String handler, Path taskRoot) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("_HANDLER", handler);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "listening-post-ingest");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/listening-post-ingest");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_SESSION_TOKEN", "local");
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    return env;
  }

  static Variant variant(String name, Path functionJar, Path plainJar, List<String> extraFlags) {
    String[] parts = name.split("\\+");
    List<String> flags = new ArrayList<>(extraFlags);
    for (int i = 1; i < parts.length; i++) {
      switch (parts[i]) {
        case "c1" -> flags.add("-XX:TieredStopAtLevel=1");
        case "serial" -> flags.add("-XX:+UseSerialGC");
        case "lambda" -> flags.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        case "nodeduce" -> flags.add("-Dmicronaut.env.deduction=false");
        default -> throw new IllegalArgumentException("unknown option '" + parts[i] + "' in " + name);
      }
    }
    return switch (parts[0]) {
      case "micronaut" -> new Variant(name, functionJar.toString(), "dev.listeningpost.ingest.IngestHandler", flags);
      case "plain" -> new Variant(name, plainJar.toString(), "dev.listeningpost.bench.ingest.plain.PlainIngestHandler", flags);
      case "floor" -> new Variant(name, plainJar.toString(), "dev.listeningpost.bench.ingest.plain.FloorHandler", flags);
      default -> throw new IllegalArgumentException("unknown variant " + name);
    };
  }

  static void report(Map<String, List<Run>> results) {
    System.out.printf(Locale.ROOT, "%-26s %8s %8s %8s   %-22s %-22s%n", "variant (ms, spawn->1st response)",
        "median", "min", "max", "init median (->next)", "1st invoke median");
    Map<String, Double> medians = new LinkedHashMap<>();
    results.forEach((name, runs) -> {
      long[] total = runs.stream().mapToLong(Run::totalNanos).toArray();
      long[] init = runs.stream().mapToLong(Run::initNanos).toArray();
      long[] invoke = runs.stream().mapToLong(Run::invokeNanos).toArray();
      medians.put(name, Stats.median(total));
      System.out.printf(Locale.ROOT, "%-34s %8.0f %8.0f %8.0f   %-22.0f %-22.0f%n", name, ms(Stats.median(total)),
          ms(Stats.min(total)), ms(Stats.max(total)), ms(Stats.median(init)), ms(Stats.median(invoke)));
    });
    System.out.println();
    results.keySet().stream().filter(n -> n.startsWith("micronaut")).forEach(m -> {
      String plain = "plain" + m.substring("micronaut".length()).replace("+nodeduce", "");
      if (medians.containsKey(plain)) {
        System.out.printf(Locale.ROOT, "ratio %s / %s (medians): %.2fx%n", m, plain, medians.get(m) / medians.get(plain));
      }
    });
  }

  public static double ms(double nanos) {
    return nanos / 1e6;
  }

  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "n/a";
    }
  }

  public static String javaVersion(String java) {
    try {
      Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
      p.waitFor();
      return out;
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }

  public static Map<String, String> parse(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: --name value ...; got " + args[i]);
      }
      m.put(args[i].substring(2), args[++i]);
    }
    return m;
  }
}
