package dev.listeningpost.digest.api;

import static dev.listeningpost.digest.Items.ADA;
import static dev.listeningpost.digest.Items.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.digest.DigestJob;
import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The archive's read routes and the preview, against dynoxide. */
@ExtendWith(DynoxideExtension.class)
class DigestPagesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", ZONE);
  private static final ReportingPeriod W48 = W47.next();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T05:00:00Z"), ZoneOffset.UTC);
  private static final DigestSettings SETTINGS = new DigestSettings(ZONE, "digest@acme.example", List.of("ceo@acme.example"));

  private DigestArchive archive;
  private DigestComposer composer;
  private DigestPages pages;
  private int sends;

  @BeforeEach
  void setUp() {
    DynamoDbClient client = DynoxideExtension.client();
    FeedbackStore store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client),
        FeedbackSchema.create(Duration.ZERO));
    String table = DynoxideExtension.uniqueName("digests");
    TableDefinitions.ensure(client, KeyedTable.definition(table));
    archive = new DigestArchive(client, table);
    composer = new DigestComposer(store, ThemeLabels.NONE, dev.listeningpost.digest.sections.Sections.defaults(),
        DigestProperties.Digest.defaults().composeOptions(), dev.listeningpost.feedback.voice.CustomerVoice.STAFF_ONLY, CLOCK);
    pages = new DigestPages(archive, composer, new DigestRenderer(), SETTINGS, CLOCK);
    store.create(post("C1:1", ADA, W47.start().plus(Duration.ofHours(10)), "Where is the CSV export?"));
    store.create(post("C1:2", ADA, W48.start().plus(Duration.ofHours(10)), "Still no CSV export"));
    new DigestJob(composer, new DigestRenderer(), archive, email -> "id-" + ++sends, SETTINGS, CLOCK).run(W47);
  }

  private HttpResponse get(String path, Map<String, String> query) {
    return pages.handle(new HttpRequest("GET", path, Map.of(), query, null));
  }

  @Test
  void anArchivedPeriodIsServedAsSentAsHtmlAndJson() throws Exception {
    String html = archive.find("2026-W47").orElseThrow().html();
    HttpResponse page = get("/digests/2026-W47", Map.of());
    assertEquals(200, page.status());
    assertEquals(HttpResponse.HTML, page.contentType());
    assertEquals(html, page.body());

    HttpResponse api = get("/api/digests/2026-W47", Map.of());
    assertEquals(200, api.status());
    JsonNode json = JSON.readTree(api.body());
    assertEquals("2026-W47", json.get("period").asText());
    assertEquals(false, json.get("preview").asBoolean());
    assertEquals(1, json.get("counts").get("messages").asInt());
    assertEquals(html, json.get("html").asText());
    assertEquals("2026-W47", JSON.readTree(get("/api/digests/latest", Map.of()).body()).get("period").asText());
  }

  @Test
  void aPeriodNeverComposedIs404ProblemJson() throws Exception {
    HttpResponse r = get("/api/digests/2026-W48", Map.of());
    assertEquals(404, r.status());
    assertEquals(HttpResponse.PROBLEM_JSON, r.contentType());
    assertEquals("https://listening-post.dev/problems/no-digest", JSON.readTree(r.body()).get("type").asText());
    assertEquals(404, get("/digests/2026-W48", Map.of()).status());
  }

  @Test
  void aMalformedPeriodIs400ProblemJson() {
    for (String bad : List.of("2026-47", "2026-W54", "last-week", "2026-W4")) {
      HttpResponse r = get("/digests/" + bad, Map.of());
      assertEquals(400, r.status(), bad);
      assertEquals(HttpResponse.PROBLEM_JSON, r.contentType());
    }
    assertEquals(400, get("/digests/2026-W47", Map.of("preview", "yes")).status());
  }

  @Test
  void aPreviewRendersAnyPeriodWithoutArchivingOrSending() throws Exception {
    HttpResponse r = get("/api/digests/2026-W48", Map.of("preview", "true"));
    assertEquals(200, r.status());
    JsonNode json = JSON.readTree(r.body());
    assertTrue(json.get("preview").asBoolean());
    assertTrue(json.get("text").asText().contains("Still no CSV export"), json.get("text").asText());
    assertTrue(get("/digests/2026-W48", Map.of("preview", "true")).body().contains("Still no CSV export"));

    assertTrue(archive.find("2026-W48").isEmpty(), "a preview is never archived");
    assertEquals("2026-W47", archive.latest().orElseThrow().period());
    assertEquals(1, sends, "a preview is never sent");
    // The last complete week at the clock (Wednesday of W49) is W48.
    assertEquals("2026-W48", JSON.readTree(get("/api/digests/latest", Map.of("preview", "true")).body())
        .get("period").asText());
  }

  @Test
  void theFullWaitingListOfAWeekIsServedAsHtmlAndJson() throws Exception {
    HttpResponse api = get("/api/digests/2026-W47/waiting", Map.of());
    assertEquals(200, api.status(), api.body());
    JsonNode json = JSON.readTree(api.body());
    assertEquals("2026-W47", json.get("period").asText());
    assertEquals(1, json.get("people").asInt(), api.body());
    assertEquals("Where is the CSV export?", json.get("waiting").get(0).get("message").get("text").asText());

    HttpResponse page = get("/digests/2026-W47/waiting", Map.of());
    assertEquals(HttpResponse.HTML, page.contentType());
    assertTrue(page.body().contains("Where is the CSV export?"), page.body());
    assertEquals(400, get("/api/digests/2026-48/waiting", Map.of()).status());
  }
}
