package dev.listeningpost.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.FeedbackTable;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage and events for the cold-start runs, on the run-wide dynoxide: a seeded feedback table (a complete
 * ISO week of analysed items with embeddings in four topics, plus one item an hour for the last day, so the
 * themes job clusters, the read API and digest find data and the alerts have a window and a baseline), one
 * feedback table for ingest and one for analyze (each analyze run stores a new, unanalysed item and sends
 * its stream record), and fresh theme or digest tables where a job records what it did (themes state,
 * digest archive and send log, alert records), so every run does the same work.
 */
final class Fixtures implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String[][] TOPICS = {
      {"The CSV export times out for workspaces with more than 10k rows.",
          "Exporting large projects to CSV fails after a minute, every time.",
          "Export to CSV still times out for our 40k-row workspace."},
      {"Please add a dark mode to the dashboard, my eyes hurt at night.",
          "Dark mode would be great, the white dashboard is blinding.",
          "Dark mode please! Even a simple high-contrast theme would help."},
      {"We need SAML single sign-on with Okta before the security review.",
          "Is SSO on the roadmap? Our IT department requires Okta or Azure AD login.",
          "Azure AD single sign-on is a blocker for us too."},
      {"The mobile app keeps crashing when I open a thread with images.",
          "App crashes on Android 15 whenever I upload a photo.",
          "The Android app crashed three times today while loading images."}};

  final DynamoDbClient client = DynoxideExtension.client();
  final String endpoint = DynoxideExtension.endpoint();
  final String ingestTable;
  final String analyzeTable;
  final String seededTable;
  final String themeTable;
  final String digestTable;
  final String period;
  final Instant now = Instant.now();
  private final Path events;
  private final String streamRecord;
  private final List<String> created = new ArrayList<>();

  Fixtures(Path repoRoot) throws IOException {
    this.events = repoRoot.resolve("events");
    ingestTable = DynoxideExtension.newFeedbackTable(client);
    analyzeTable = DynoxideExtension.newFeedbackTable(client);
    seededTable = DynoxideExtension.newFeedbackTable(client);
    themeTable = newKeyedTable("themes");
    digestTable = newKeyedTable("digests");
    created.addAll(List.of(ingestTable, analyzeTable, seededTable));
    JsonNode sample = JSON.readTree(Files.readString(events.resolve("analyze/stream-batch.json")));
    streamRecord = JSON.writeValueAsString(sample.path("Records").get(0));
    // Monday of last ISO week: a complete week in UTC, the digest's default zone.
    LocalDate monday = LocalDate.ofInstant(now, ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY).minusWeeks(1);
    period = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    seed(monday.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  String newKeyedTable(String prefix) {
    String name = DynoxideExtension.uniqueName(prefix);
    TableDefinitions.ensure(client, KeyedTable.definition(name));
    created.add(name);
    return name;
  }

  /** 42 items over the week starting {@code weekStart} and 24 over the last day, analysed, in four topics. */
  private void seed(Instant weekStart) throws IOException {
    FeedbackStore store = new FeedbackStore(client, seededTable, FeedbackSchema.create(Duration.ofDays(730)));
    Random random = new Random(7);
    float[][] centres = new float[TOPICS.length][];
    for (int t = 0; t < centres.length; t++) {
      centres[t] = unit(gaussian(random, 384, 1.0, null));
    }
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < 42; i++) {
      times.add(weekStart.plus(Duration.ofHours(4 * i + 1)));
    }
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    for (int i = 1; i <= 24; i++) {
      times.add(hour.minus(Duration.ofHours(i)).plusSeconds(600));
    }
    for (int i = 0; i < times.size(); i++) {
      int topic = i % TOPICS.length;
      String text = TOPICS[topic][(i / TOPICS.length) % TOPICS[topic].length];
      String id = "cs-seed-" + i;
      putImage(seededTable, id, text, times.get(i), "U" + (100 + i % 9));
      double sentiment = topic == 1 ? 0.1 : -0.5;
      store.enrich(id, new Feedback.Enrichment(sentiment, sentiment < -0.05 ? "NEGATIVE" : "NEUTRAL",
          unit(gaussian(random, 384, 0.25, centres[topic])), null, times.get(i).plusSeconds(60)));
    }
  }

  /** Puts the analyze sample's new image with this id, text, time and author into {@code table}. */
  void putImage(String table, String id, String text, Instant at, String author) throws IOException {
    JsonNode image = JSON.readTree(imageJson(id, text, at, author));
    Map<String, AttributeValue> item = new HashMap<>();
    image.fields().forEachRemaining(e -> item.put(e.getKey(), attribute(e.getValue())));
    client.putItem(b -> b.tableName(table).item(item));
  }

  private String imageJson(String id, String text, Instant at, String author) throws IOException {
    return JSON.writeValueAsString(JSON.readTree(recordJson(id, text, at, author)).path("dynamodb").path("NewImage"));
  }

  private String recordJson(String id, String text, Instant at, String author) throws IOException {
    String created = at.truncatedTo(ChronoUnit.SECONDS).toString();
    String key = at.truncatedTo(ChronoUnit.MILLIS).toString();
    if (!key.contains(".")) {
      key = key.replace("Z", ".000Z");
    }
    JsonNode record = JSON.readTree(streamRecord.replace("fb-sample-1", id));
    var image = (com.fasterxml.jackson.databind.node.ObjectNode) record.path("dynamodb").path("NewImage");
    image.putObject("text").put("S", text);
    image.putObject("authorId").put("S", author);
    image.putObject("createdAt").put("S", created);
    image.putObject("receivedAt").put("S", created);
    image.putObject("day").put("S", created.substring(0, 10));
    image.putObject("createdKey").put("S", key + "#" + id);
    image.putObject("sourceId").put("S", "C123:" + at.getEpochSecond() + ".000100");
    return JSON.writeValueAsString(record);
  }

  /** One new unanalysed item in the analyze table and its INSERT stream event (a one-record batch). */
  String analyzeEvent(long n) throws IOException {
    String id = "cs-analyze-" + n;
    String text = "The CSV export keeps timing out on big workspaces, please fix it (" + n + ")";
    putImage(analyzeTable, id, text, now.minusSeconds(60), "U1");
    return "{\"Records\":[" + recordJson(id, text, now.minusSeconds(60), "U1") + "]}";
  }

  /** Whether analyze run {@code n}'s item has been analysed (written back). */
  boolean analyzed(long n) {
    var item = client.getItem(b -> b.tableName(analyzeTable).consistentRead(true)
        .key(Map.of(FeedbackTable.ID, AttributeValue.fromS("cs-analyze-" + n)))).item();
    return item != null && item.containsKey(FeedbackTable.ANALYZED_AT) && item.containsKey(FeedbackTable.SENTIMENT);
  }

    String readApiEvent() throws IOException {
    String since = now.minus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS).toString();
    String until = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return Files.readString(events.resolve("api/feedback-get.json"))
        .replace("since=2025-11-17&until=2025-11-24&channel=slack", "since=" + since + "&until=" + until + "&channel=slack")
        .replace("\"since\": \"2025-11-17\", \"until\": \"2025-11-24\"", "\"since\": \"" + since + "\", \"until\": \"" + until + "\"");
  }

  String digestReadEvent() throws IOException {
    return Files.readString(events.resolve("digest-read/preview-json-get.json")).replace("2026-W47", period);
  }

  String themesEvent() throws IOException {
    return Files.readString(events.resolve("themes/nightly.json"));
  }

  String digestEvent() {
    return "{\"period\": \"" + period + "\"}";
  }

  String alertsEvent() {
    return "{\"at\": \"" + now.truncatedTo(ChronoUnit.SECONDS) + "\"}";
  }

  static AttributeValue attribute(JsonNode v) {
    if (v.has("S")) {
      return AttributeValue.fromS(v.get("S").asText());
    }
    if (v.has("N")) {
      return AttributeValue.fromN(v.get("N").asText());
    }
    if (v.has("BOOL")) {
      return AttributeValue.fromBool(v.get("BOOL").asBoolean());
    }
    if (v.has("NULL")) {
      return AttributeValue.fromNul(true);
    }
    if (v.has("SS")) {
      List<String> ss = new ArrayList<>();
      v.get("SS").forEach(s -> ss.add(s.asText()));
      return AttributeValue.fromSs(ss);
    }
    if (v.has("L")) {
      List<AttributeValue> l = new ArrayList<>();
      v.get("L").forEach(e -> l.add(attribute(e)));
      return AttributeValue.fromL(l);
    }
    if (v.has("M")) {
      Map<String, AttributeValue> m = new HashMap<>();
      v.get("M").fields().forEachRemaining(e -> m.put(e.getKey(), attribute(e.getValue())));
      return AttributeValue.fromM(m);
    }
    throw new IllegalArgumentException("unsupported attribute " + v);
  }

  private static float[] gaussian(Random r, int n, double scale, float[] around) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) ((around == null ? 0 : around[i]) + r.nextGaussian() * scale / Math.sqrt(n));
    }
    return v;
  }

  private static float[] unit(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    float n = (float) Math.sqrt(s);
    for (int i = 0; i < v.length; i++) {
      v[i] /= n;
    }
    return v;
  }

  @Override
  public void close() {
    for (String t : created) {
      try {
        client.deleteTable(b -> b.tableName(t));
      } catch (RuntimeException e) {
        // dynoxide goes away with this JVM anyway.
      }
    }
    client.close();
  }
}
