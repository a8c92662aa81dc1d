package dev.listeningpost.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the local jar. */
record Options(String command, int port, Path dataDir, boolean inMemory, boolean demo, Map<String, String> flags,
               List<String> positional) {

  static final String USAGE = """
      Listening Post, the whole pipeline in one process (no AWS account, no Docker).

      Usage:
        java -jar listening-post-local.jar [serve] [--port 8080] [--host 127.0.0.1] [--data-dir .local] [--in-memory] [--demo]
                                           [--dynamodb-endpoint URL] [--schedules]
                                           [--parameter-overrides "Key=Value ..."]
        java -jar listening-post-local.jar cluster   --in texts.jsonl --out themes.jsonl [--brand-terms "Acme,@AcmeHelp"]
        java -jar listening-post-local.jar sentiment --in texts.jsonl --out sentiment.jsonl
        java -jar listening-post-local.jar invoke <LogicalId> -e event.json [--env-vars env.json]

      serve (default)  dynoxide (DynamoDB emulator) as a child process, webhooks on /webhooks/{channel}[/{source}], read API,
                       jobs on demand (POST /local/jobs/analyze|themes|digest), digests to {data-dir}/outbox
        --port N       HTTP port (default 8080; 0 picks a free one)
        --host ADDR    address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every
                       interface, e.g. for a container or another machine: the read API has no login)
        --data-dir D   where dynoxide keeps its data (D/dynamodb/), the stream position and the outbox live
                       (default .local)
        --in-memory    throwaway DynamoDB (the outbox is still written under --data-dir)
        --dynamodb-endpoint URL
                       use a DynamoDB-compatible endpoint you already run instead of starting dynoxide
                       (dynoxide, LocalStack, DynamoDB Local in Docker, or AWS with your credentials);
                       also DYNAMODB_ENDPOINT
        --schedules    also run the scheduled functions on their template schedules (ThemesSchedule nightly,
                       DigestSchedule weekly, in TimeZone), as EventBridge Scheduler would; jobs on demand still work
        --parameter-overrides "Key=Value ..."
                       template parameters for the schedules, as sam deploy takes them, e.g.
                       'ThemesSchedule="rate(15 minutes)" TimeZone=Europe/Paris'
        --demo         seed realistic feedback through the real webhook path, run the jobs, write a digest
      cluster          group texts into themes without being told how many (input lines {"id","text"},
                       optionally "staff":true and "author":"@handle": staff and the brand's handles get no theme;
                       --brand-terms or THEME_BRAND_TERMS: the company's names/handles, kept out of labels;
                       the other THEME_* settings apply as in the functions, docs/configuration.md)
      sentiment        score texts (input lines {"id","text"})
      invoke           sam local invoke without Docker: runs a function of template.yaml in this JVM as the Lambda
                       runtime would (its Handler, Environment, MemorySize, Timeout) against dynoxide and the outbox;
                       response JSON on stdout, logs and a REPORT line on stderr (see README, "Invoke a function")

      dynoxide is found in DYNOXIDE_BIN, the project cache or PATH; tools/install-dynoxide.sh installs it.
      Secrets come from environment variables (SLACK_SIGNING_SECRET, ...; see docs/channels.md).
      SES_ENDPOINT=http://localhost:8005 also sends digests through that SES API (e.g. aws-ses-v2-local).
      """;

  static Options parse(String[] args) {
    String command = "serve";
    int port = 8080;
    Path dataDir = Path.of(".local");
    boolean inMemory = false;
    boolean demo = false;
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, a));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
        case "--in-memory" -> inMemory = true;
        case "--demo" -> demo = true;
        case "--schedules" -> flags.put("schedules", "true");
        case "-h", "--help" -> command = "help";
        default -> {
          if (a.startsWith("--")) {
            flags.put(a.substring(2), value(args, ++i, a));
          } else if (positional.isEmpty() && List.of("serve", "cluster", "sentiment", "help").contains(a)) {
            command = a;
            positional.add(a);
          } else {
            throw new IllegalArgumentException("unexpected argument '" + a + "'");
          }
        }
      }
    }
    return new Options(command, port, dataDir, inMemory, demo, flags, positional);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  /** The user's DynamoDB endpoint (--dynamodb-endpoint, else DYNAMODB_ENDPOINT), if any. */
  java.util.Optional<String> dynamodbEndpoint(Map<String, String> env) {
    String v = flags.getOrDefault("dynamodb-endpoint", env.get("DYNAMODB_ENDPOINT"));
    return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v);
  }

  /** The address the HTTP server listens on ({@code --host}, loopback by default). */
  String host() {
    return flags.getOrDefault("host", LocalServer.DEFAULT_HOST);
  }

  /** Whether to run the template's schedules ({@code --schedules}). */
  boolean schedules() {
    return flags.containsKey("schedules");
  }

  /** Template parameter values given with {@code --parameter-overrides}. */
  Map<String, String> parameterOverrides() {
    String v = flags.get("parameter-overrides");
    return v == null ? Map.of() : dev.listeningpost.local.invoke.ParameterOverrides.parse(v);
  }

  Path requiredPath(String flag) {
    String v = flags.get(flag);
    if (v == null) {
      throw new IllegalArgumentException("--" + flag + " is required");
    }
    return Path.of(v);
  }
}
