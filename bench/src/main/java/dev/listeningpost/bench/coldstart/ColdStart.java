package dev.listeningpost.bench.coldstart;

import static dev.listeningpost.bench.ingest.ColdStart.javaVersion;
import static dev.listeningpost.bench.ingest.ColdStart.loadAverage;
import static dev.listeningpost.bench.ingest.ColdStart.ms;
import static dev.listeningpost.bench.ingest.ColdStart.parse;

import dev.listeningpost.bench.coldstart.plain.PlainDefaults;
import dev.listeningpost.bench.ingest.RuntimeApiEmulator;
import dev.listeningpost.bench.ingest.SlackEvents;
import dev.listeningpost.bench.ingest.Stats;
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
 * Cold start of every function in template.yaml, measured the way Lambda runs a Java function: a fresh JVM
 * running AWS's runtime interface client ({@code AWSLambda <handler>}) against {@link RuntimeApiEmulator},
 * timed from process spawn to the first response the client posts back, for the Micronaut handler and a plain
 * {@code RequestHandler} doing the same work, interleaved. Storage is dynoxide over HTTP (a child process);
 * SES is {@link SesStub} on loopback for both variants.
 *
 * <p>Variants ({@code --variants}): {@code micronaut} or {@code plain}, with options joined by {@code +}:
 * {@code c1} (-XX:TieredStopAtLevel=1), {@code cds} (a dynamic AppCDS archive made by one training run with
 * -XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile), {@code prime} (the SnapStart priming hooks run at
 * init, -Dlistening-post.prime-at-init=true: the local stand-in for a restored snapshot, whose init is paid once
 * at deploy), {@code lambda} (the java17/21 runtime's defaults: C1 only, serial GC).
 */
public final class ColdStart {
  static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  static final String SECRET = "bench-signing-secret";
  static final String DEFAULT_VARIANTS = "micronaut,plain,micronaut+c1,plain+c1,micronaut+cds,plain+cds,micronaut+prime,plain+prime";
  static final String ALL_FUNCTIONS = "ingest,analyze,themes,read-api,digest,alerts,digest-read";

  /** One function of template.yaml: its two handlers and jars, and how to make and check an event. */
  record Function(String name, String micronautJar, String micronautHandler, List<String> plainJars, String plainHandler) {
  }

  record Run(long totalNanos, long initNanos, long invokeNanos) {
  }

  interface EventSource {
    String event(long n) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    PlainDefaults.checkDefaults();
    Path root = SlackEvents.repoRoot();
    int runs = Integer.parseInt(opts.getOrDefault("runs", "10"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "1"));
    String java = opts.getOrDefault("java", ProcessHandle.current().info().command().orElse("java"));
    Path logDir = root.resolve(opts.getOrDefault("log-dir", "bench/target/coldstart"));
    Path runtimeDir = root.resolve("bench/target/lambda-runtime");
    List<String> extraFlags = opts.containsKey("jvm") ? List.of(opts.get("jvm").trim().split("\\s+")) : List.of();
    List<String> variants = List.of(opts.getOrDefault("variants", DEFAULT_VARIANTS).split(","));
    List<Function> functions = new ArrayList<>();
    for (String f : opts.getOrDefault("functions", ALL_FUNCTIONS).split(",")) {
      functions.add(function(root, f.trim()));
    }
    for (Function f : functions) {
      for (String jar : concat(List.of(f.micronautJar()), f.plainJars())) {
        if (!Files.exists(Path.of(jar))) {
          throw new IllegalStateException(jar + " is missing: build with mvn -B -q -pl bench -am package -DskipTests");
        }
      }
    }
    String runtimeCp;
    try (var files = Files.list(runtimeDir)) {
      runtimeCp = String.join(File.pathSeparator, files.filter(p -> p.toString().endsWith(".jar")).sorted()
          .map(Path::toString).toList());
    }
    Path taskRoot = Files.createDirectories(logDir.resolve("task-root"));
    Path cdsDir = Files.createDirectories(logDir.resolve("cds"));
    SlackEvents slack = new SlackEvents(root);

    System.out.printf(Locale.ROOT, "java: %s (%s)%n", java, javaVersion(java));
    System.out.printf(Locale.ROOT, "runs: %d per variant (+%d warm-up, discarded), interleaved per function; load before: %s%n",
        runs, warmup, loadAverage());
    try (Fixtures fx = new Fixtures(root); SesStub ses = new SesStub(); RuntimeApiEmulator api = new RuntimeApiEmulator()) {
      System.out.printf(Locale.ROOT, "storage: dynoxide over HTTP at %s; seeded week %s; SES stub at %s%n",
          fx.endpoint, fx.period, ses.endpoint());
      Map<String, Map<String, List<Run>>> all = new LinkedHashMap<>();
      long seq = System.currentTimeMillis() % 1_000_000;
      for (Function f : functions) {
        Map<String, List<Run>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v, new ArrayList<>()));
        for (String v : variants) {
          if (v.contains("+cds")) {
            Path archive = cdsDir.resolve(f.name() + "-" + v.split("\\+")[0] + ".jsa");
            Files.deleteIfExists(archive);
            once(java, f, v, flags(v, extraFlags, archive, true), runtimeCp, taskRoot, logDir, api, fx, ses, slack,
                seq++, true);
            if (!Files.exists(archive)) {
              throw new IllegalStateException("training run left no CDS archive " + archive);
            }
          }
        }
        for (int i = 0; i < warmup + runs; i++) {
          for (String v : variants) {
            Path archive = cdsDir.resolve(f.name() + "-" + v.split("\\+")[0] + ".jsa");
            Run r = once(java, f, v, flags(v, extraFlags, archive, false), runtimeCp, taskRoot, logDir, api, fx, ses,
                slack, seq++, false);
            if (i >= warmup) {
              results.get(v).add(r);
            }
          }
        }
        all.put(f.name(), results);
        report(f.name(), results);
      }
      System.out.printf(Locale.ROOT, "load after: %s%n%n", loadAverage());
      summary(all);
    }
    System.exit(0);
  }

  static Function function(Path root, String name) {
    String ingest = root.resolve("functions/ingest/target/ingest-function.jar").toString();
    String analyze = root.resolve("functions/analyze/target/analyze-function.jar").toString();
    String digest = root.resolve("functions/digest/target/digest-function.jar").toString();
    String plain = root.resolve("bench/target/plain-functions.jar").toString();
    String p = "dev.listeningpost.bench.coldstart.plain.";
    return switch (name) {
      // Every baseline runs the plain handler with the function's own jar behind it (the same classes; Micronaut's
      // are there but never loaded). bench/scripts/ingest-coldstart.sh keeps a Micronaut-free ingest jar.
      case "ingest" -> new Function(name, ingest, "dev.listeningpost.ingest.IngestHandler", List.of(plain, ingest),
          "dev.listeningpost.bench.ingest.plain.PlainIngestHandler");
      case "analyze" -> new Function(name, analyze, "dev.listeningpost.analyze.AnalyzeHandler", List.of(plain, analyze),
          p + "PlainAnalyzeHandler");
      case "themes" -> new Function(name, analyze, "dev.listeningpost.analyze.ThemesHandler", List.of(plain, analyze),
          p + "PlainThemesHandler");
      case "read-api" -> new Function(name, analyze, "dev.listeningpost.analyze.api.ReadApiHandler", List.of(plain, analyze),
          p + "PlainReadApiHandler");
      case "digest" -> new Function(name, digest, "dev.listeningpost.digest.DigestHandler", List.of(plain, digest),
          p + "PlainDigestHandler");
      case "alerts" -> new Function(name, digest, "dev.listeningpost.digest.AlertsHandler", List.of(plain, digest),
          p + "PlainAlertsHandler");
      case "digest-read" -> new Function(name, digest, "dev.listeningpost.digest.api.DigestReadHandler", List.of(plain, digest),
          p + "PlainDigestReadHandler");
      default -> throw new IllegalArgumentException("unknown function " + name + "; known: " + ALL_FUNCTIONS);
    };
  }

  static List<String> flags(String variant, List<String> extra, Path archive, boolean training) {
    List<String> flags = new ArrayList<>(extra);
    String[] parts = variant.split("\\+");
    for (int i = 1; i < parts.length; i++) {
      switch (parts[i]) {
        case "c1" -> flags.add("-XX:TieredStopAtLevel=1");
        case "lambda" -> flags.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        case "cds" -> flags.add(training ? "-XX:ArchiveClassesAtExit=" + archive : "-XX:SharedArchiveFile=" + archive);
        case "prime" -> flags.add("-Dlistening-post.prime-at-init=true");
        default -> throw new IllegalArgumentException("unknown option '" + parts[i] + "' in " + variant);
      }
    }
    return flags;
  }

  /** Fresh per-run tables where a job records its work, so every run does the same work. */
  static Map<String, String> functionEnv(Function f, Fixtures fx, SesStub ses) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DYNAMODB_ENDPOINT", fx.endpoint);
    env.put("FEEDBACK_RETENTION_DAYS", "730");
    switch (f.name()) {
      case "ingest" -> {
        env.put("FEEDBACK_TABLE", fx.ingestTable);
        env.put("SLACK_SIGNING_SECRET", SECRET);
      }
      case "analyze" -> {
        env.put("FEEDBACK_TABLE", fx.analyzeTable);
        env.put("THEME_TABLE", fx.themeTable);
        env.put("DJL_CACHE_DIR", "/tmp/djl");
      }
      case "themes" -> {
        env.put("FEEDBACK_TABLE", fx.seededTable);
        env.put("THEME_TABLE", fx.newKeyedTable("themes"));
        env.put("DJL_CACHE_DIR", "/tmp/djl");
      }
      case "read-api" -> {
        env.put("FEEDBACK_TABLE", fx.seededTable);
        env.put("THEME_TABLE", fx.themeTable);
      }
      case "digest", "alerts" -> {
        env.put("FEEDBACK_TABLE", fx.seededTable);
        env.put("THEME_TABLE", fx.themeTable);
        env.put("DIGEST_TABLE", fx.newKeyedTable("digests"));
        env.put("DIGEST_SENDER", "digest@example.com");
        env.put("DIGEST_RECIPIENTS", "team@example.com");
        env.put("DIGEST_TIME_ZONE", "UTC");
        env.put("SES_ENDPOINT", ses.endpoint());
      }
      case "digest-read" -> {
        env.put("FEEDBACK_TABLE", fx.seededTable);
        env.put("THEME_TABLE", fx.themeTable);
        env.put("DIGEST_TABLE", fx.digestTable);
        env.put("DIGEST_TIME_ZONE", "UTC");
      }
      default -> throw new IllegalArgumentException(f.name());
    }
    return env;
  }

  static String event(Function f, Fixtures fx, SlackEvents slack, long n) throws Exception {
    return switch (f.name()) {
      case "ingest" -> {
        String body = slack.uniqueMessageBody(n);
        yield slack.apiGatewayJson(body, SlackEvents.signedHeaders(SECRET, Instant.now(), body));
      }
      case "analyze" -> fx.analyzeEvent(n);
      case "themes" -> fx.themesEvent();
      case "read-api" -> fx.readApiEvent();
      case "digest" -> fx.digestEvent();
      case "alerts" -> fx.alertsEvent();
      case "digest-read" -> fx.digestReadEvent();
      default -> throw new IllegalArgumentException(f.name());
    };
  }

  /** Fails the run unless the answer shows the function did its work. */
  static void check(Function f, String variant, RuntimeApiEmulator.Outcome o, int sesBefore, SesStub ses, Fixtures fx,
                    long n, File log) {
    String b = o.body();
    boolean ok = o.ok() && switch (f.name()) {
      case "ingest" -> b.contains("\"statusCode\":200") && b.contains("\\\"stored\\\":1");
      // No failure reported, and the item now carries the analysis (the real conditional update happened).
      case "analyze" -> !b.contains("itemIdentifier") && fx.analyzed(n);
      case "read-api", "digest-read" -> b.contains("\"statusCode\":200");
      case "digest" -> ses.sent() > sesBefore;
      default -> true;
    };
    if (!ok) {
      throw new IllegalStateException(f.name() + " " + variant + ": unexpected answer "
          + b.substring(0, Math.min(600, b.length())) + "; see " + log);
    }
  }

  static Run once(String java, Function f, String variant, List<String> jvmFlags, String runtimeCp, Path taskRoot,
                  Path logDir, RuntimeApiEmulator api, Fixtures fx, SesStub ses, SlackEvents slack, long n,
                  boolean training) throws Exception {
    boolean plain = variant.startsWith("plain");
    Map<String, String> fenv = functionEnv(f, fx, ses);
    var outcome = api.arm(event(f, fx, slack, n));
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, plain ? f.plainJars() : List.of(f.micronautJar())) + File.pathSeparator + runtimeCp);
    cmd.add(RIC_MAIN);
    String handler = plain ? f.plainHandler() : f.micronautHandler();
    cmd.add(handler);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile());
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    env.clear();
    env.putAll(lambdaEnvironment(api.address(), handler, taskRoot, f.name()));
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    env.putAll(fenv);
    File log = logDir.resolve(f.name() + "-" + variant.replace('+', '_') + (training ? "-training" : "") + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    int sesBefore = ses.sent();

    long start = System.nanoTime();
    Process p = pb.start();
    RuntimeApiEmulator.Outcome o;
    try {
      o = outcome.get(120, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(f.name() + " " + variant + ": no response within 120 s; see " + log);
    } finally {
      if (training) {
        // A dynamic CDS archive is written when the JVM exits: SIGTERM runs the exit path, SIGKILL would not.
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } else {
        p.destroyForcibly();
      }
      p.waitFor(10, TimeUnit.SECONDS);
    }
    check(f, variant, o, sesBefore, ses, fx, n, log);
    // The function's answer from the last run of each variant, next to its log, to see what the run did.
    Files.writeString(logDir.resolve(f.name() + "-" + variant.replace('+', '_') + ".answer.json"), o.body());
    return new Run(o.responseNanos() - start, o.firstNextNanos() - start, o.responseNanos() - o.firstNextNanos());
  }

  /** What Lambda puts in a java function's environment (less credentials, which local storage ignores). */
  static Map<String, String> lambdaEnvironment(String runtimeApi, String handler, Path taskRoot, String function) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("_HANDLER", handler);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "listening-post-" + function);
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/listening-post-" + function);
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

  static void report(String function, Map<String, List<Run>> results) {
    System.out.printf(Locale.ROOT, "%n== %s (ms, spawn -> 1st response)%n", function);
    System.out.printf(Locale.ROOT, "%-20s %8s %8s %8s %8s %12s %12s%n", "variant", "median", "p90", "min", "max",
        "init med", "1st inv med");
    results.forEach((name, runs) -> {
      long[] total = runs.stream().mapToLong(Run::totalNanos).toArray();
      long[] init = runs.stream().mapToLong(Run::initNanos).toArray();
      long[] invoke = runs.stream().mapToLong(Run::invokeNanos).toArray();
      System.out.printf(Locale.ROOT, "%-20s %8.0f %8.0f %8.0f %8.0f %12.0f %12.0f%n", name, ms(Stats.median(total)),
          ms(Stats.quantile(total, 0.9)), ms(Stats.min(total)), ms(Stats.max(total)), ms(Stats.median(init)),
          ms(Stats.median(invoke)));
    });
    System.out.flush();
  }

  /** One row per function: the table of docs/performance/coldstart.md. */
  static void summary(Map<String, Map<String, List<Run>>> all) {
    System.out.println("| function | Micronaut median (p90) | plain median (p90) | ratio | Micronaut +c1 | plain +c1"
        + " | Micronaut +cds | plain +cds | 1st invoke: Micronaut / +prime | 1st invoke: plain / +prime |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    all.forEach((f, r) -> System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", f,
        cell(r, "micronaut", true), cell(r, "plain", true), ratio(r, "micronaut", "plain"),
        cell(r, "micronaut+c1", false), cell(r, "plain+c1", false), cell(r, "micronaut+cds", false),
        cell(r, "plain+cds", false), invoke(r, "micronaut"), invoke(r, "plain")));
  }

  private static String cell(Map<String, List<Run>> r, String v, boolean p90) {
    if (!r.containsKey(v)) {
      return "-";
    }
    long[] t = r.get(v).stream().mapToLong(Run::totalNanos).toArray();
    return p90 ? String.format(Locale.ROOT, "%.0f (%.0f)", ms(Stats.median(t)), ms(Stats.quantile(t, 0.9)))
        : String.format(Locale.ROOT, "%.0f", ms(Stats.median(t)));
  }

  private static String ratio(Map<String, List<Run>> r, String a, String b) {
    if (!r.containsKey(a) || !r.containsKey(b)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2fx", Stats.median(r.get(a).stream().mapToLong(Run::totalNanos).toArray())
        / Stats.median(r.get(b).stream().mapToLong(Run::totalNanos).toArray()));
  }

  private static String invoke(Map<String, List<Run>> r, String base) {
    if (!r.containsKey(base) || !r.containsKey(base + "+prime")) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.0f / %.0f", ms(Stats.median(r.get(base).stream().mapToLong(Run::invokeNanos).toArray())),
        ms(Stats.median(r.get(base + "+prime").stream().mapToLong(Run::invokeNanos).toArray())));
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
