package dev.listeningpost.local.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.ingest.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sample Lambda events of events/ and the function each folder belongs to: one owner for the
 * mapping the invoke, handler-event and policy tests all walk.
 */
public final class SampleEvents {
  public static final Path ROOT = Path.of(System.getProperty("lp.root", "..")).toAbsolutePath().normalize();

  /** The sample-event folders and the function each belongs to (events/ingest/apigw/README.md and friends). */
  public static final Map<String, String> FUNCTION_OF_FOLDER = Map.of(
      "events/ingest/apigw", "IngestFunction",
      "events/analyze", "AnalyzeFunction",
      "events/themes", "ThemesFunction",
      "events/digest", "DigestFunction",
      "events/alerts", "AlertsFunction",
      "events/api", "ReadApiFunction",
      "events/digest-read", "DigestReadFunction");

  /**
   * Folders of webhook bodies (what a channel POSTs, not a Lambda event) and the local stack's
   * scenario data: invoking them needs a channel's signing first, which the ingest tests do.
   */
  private static final Pattern NOT_LAMBDA_EVENTS = Pattern.compile("events/ingest/(?!apigw)[^/]+|events/local");

  public static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  /**
   * The secrets the sample events were made with (events/ingest/apigw/README.md), as the
   * environment variables of {@code SECRETS_SOURCE=env}.
   */
  public static final Map<String, String> SAMPLE_SECRETS = Map.of(
      "SLACK_SIGNING_SECRET", SLACK_SECRET,
      "GITHUB_WEBHOOK_SECRET", "It's a Secret to Everybody",
      "META_VERIFY_TOKEN", "meta-verify-token",
      "X_CONSUMER_SECRET", "x-consumer-secret",
      "WIDGET_ACME_ALLOWED_ORIGINS", "https://app.example.com");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One sample event: the function's logical id and the file, relative to the repository root. */
  public record SampleEvent(String function, String file) {
    public Path path() {
      return ROOT.resolve(file);
    }

    @Override
    public String toString() {
      return function + " " + file;
    }
  }

  private SampleEvents() {
  }

  /** Every JSON file of the mapped folders, by folder then name. */
  public static List<SampleEvent> all() {
    List<SampleEvent> out = new ArrayList<>();
    for (var e : new TreeMap<>(FUNCTION_OF_FOLDER).entrySet()) {
      try (Stream<Path> files = Files.list(ROOT.resolve(e.getKey()))) {
        files.filter(f -> f.toString().endsWith(".json")).sorted()
            .forEach(f -> out.add(new SampleEvent(e.getValue(), e.getKey() + "/" + f.getFileName())));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return out;
  }

  /** Folders under events/ holding JSON files that are neither mapped nor known non-Lambda data. */
  public static TreeSet<String> unmappedFolders() throws IOException {
    TreeSet<String> unmapped = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("events"))) {
      files.filter(f -> f.toString().endsWith(".json")).forEach(f -> {
        String folder = ROOT.relativize(f.getParent()).toString().replace('\\', '/');
        if (!FUNCTION_OF_FOLDER.containsKey(folder) && !NOT_LAMBDA_EVENTS.matcher(folder).matches()) {
          unmapped.add(folder);
        }
      });
    }
    return unmapped;
  }

  /**
   * A copy of a sample API Gateway event with its Slack signature made now (Slack rejects
   * signatures older than 5 minutes), as events/ingest/apigw/resign.py does; other events unchanged.
   */
  public static Path freshlySigned(Path event, Path dir) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(event.toFile());
    ObjectNode headers = (ObjectNode) root.get("headers");
    if (headers == null || !headers.has("x-slack-signature")) {
      return event;
    }
    String ts = Long.toString(Instant.now().getEpochSecond());
    byte[] body = root.path("body").asText("").getBytes(StandardCharsets.UTF_8);
    headers.put("x-slack-request-timestamp", ts);
    headers.put("x-slack-signature",
        "v0=" + Signatures.hmacSha256Hex(SLACK_SECRET, ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body));
    ((ObjectNode) root.get("requestContext")).put("timeEpoch", Long.parseLong(ts) * 1000);
    Path out = dir.resolve("now-" + event.getFileName());
    JSON.writeValue(out.toFile(), root);
    return out;
  }
}
