package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A realistic mixed week (events/local/mixed-week.jsonl: customers on six topics, canned staff
 * replies, member replies) sent signed through the local stack, then analyze, themes and the digest:
 * what the digest will show is the customers' voice, in themes a person can tell apart, with
 * sentiment that reads complaints as complaints.
 */
class MixedWeekIT {
  private static final String SECRET = "mixed-week-signing-secret";
  private static final String STAFF = MixedWeek.STAFF;
  private static final String PERIOD = MixedWeek.PERIOD;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dataDir;
  private static LocalJarProcess stack;
  private static List<JsonNode> week;
  private static JsonNode themes;
  private static Map<String, String> topicOfText;

  @BeforeAll
  static void sendTheWeekAndRunTheJobs() throws Exception {
    stack = LocalJarProcess.start(dataDir.resolve("stack.log"),
        Map.of("SLACK_SIGNING_SECRET", SECRET, "INGEST_STAFF", STAFF, "DIGEST_RECIPIENTS", "ceo@example.com"),
        "--data-dir", dataDir.toString(), "--in-memory");
    week = new ArrayList<>();
    topicOfText = new HashMap<>();
    for (MixedWeek.Message m : MixedWeek.messages()) {
      week.add(m.line());
      topicOfText.put(m.text(), m.topic());
      HttpResponse<String> r = stack.postSlack(m.delivery(), SECRET);
      assertEquals(200, r.statusCode(), r.body());
    }
    assertEquals(200, stack.post("/local/jobs/analyze").statusCode());
    HttpResponse<String> job = stack.post("/local/jobs/themes");
    assertEquals(200, job.statusCode(), job.body());
    themes = JSON.readTree(stack.get("/api/themes?period=" + PERIOD).body());
    assertEquals(200, stack.post("/local/jobs/digest?period=" + PERIOD).statusCode());
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void staffRepliesAreNeverThemesQuotesOrCustomerVolume() throws Exception {
    long customers = week.stream().filter(m -> !m.get("topic").asText().equals("staff")).count();
    assertEquals(customers, themes.get("customerVolume").asLong(), themes.toString());
    for (JsonNode theme : themes.get("themes")) {
      for (JsonNode quote : theme.get("quotes")) {
        assertFalse("staff".equals(topicOfText.get(quote.get("text").asText())), "staff quoted: " + quote);
      }
    }
    String digest = Files.readString(outboxHtml());
    assertFalse(digest.contains("Please DM us"), "the digest quotes no canned staff reply");
  }

  @Test
  void themesAreDistinctTopicsNotOneCatchAll() {
    List<JsonNode> list = new ArrayList<>();
    themes.get("themes").forEach(list::add);
    assertTrue(list.size() >= 4, "six topics give at least four themes: " + labels(list));
    long customers = themes.get("customerVolume").asLong();
    for (JsonNode t : list) {
      assertTrue(t.get("size").asLong() <= customers / 2, "no catch-all theme: " + labels(list));
    }
    Set<String> distinct = new HashSet<>();
    for (JsonNode t : list) {
      String label = t.get("label").asText();
      assertFalse(label.contains("@") || label.contains("http") || label.contains("t.co"), label);
      assertTrue(distinct.add(label), "labels differ: " + labels(list));
    }
  }

  @Test
  void eachThemesQuotesComeMostlyFromOneTopic() {
    for (JsonNode t : themes.get("themes")) {
      Map<String, Integer> topics = new HashMap<>();
      t.get("quotes").forEach(q -> topics.merge(topicOfText.getOrDefault(q.get("text").asText(), "?"), 1, Integer::sum));
      int top = topics.values().stream().max(Integer::compare).orElse(0);
      assertTrue(top * 2 > t.get("quotes").size(), t.get("label").asText() + ": " + topics);
    }
  }

  @Test
  void complaintsReadNegativeAndPraisePositive() throws Exception {
    JsonNode items = JSON.readTree(stack.get("/api/feedback?since=2025-11-17&until=2025-11-24").body()).get("items");
    Map<String, int[]> byTopic = new HashMap<>(); // topic -> {negative, positive, total}
    for (JsonNode item : items) {
      String topic = topicOfText.get(item.get("text").asText());
      int[] c = byTopic.computeIfAbsent(topic, k -> new int[3]);
      String label = item.path("sentimentLabel").asText();
      c[0] += label.equals("negative") ? 1 : 0;
      c[1] += label.equals("positive") ? 1 : 0;
      c[2]++;
    }
    int negative = 0;
    int complaints = 0;
    for (String complaint : List.of("export", "sso", "crash", "billing")) {
      int[] c = byTopic.get(complaint);
      assertTrue(c[0] * 2 > c[2], complaint + ": most complaints read negative, " + c[0] + " of " + c[2]);
      negative += c[0];
      complaints += c[2];
    }
    assertTrue(negative * 4 >= complaints * 3, "three in four complaints read negative: " + negative + " of " + complaints);
    int[] praise = byTopic.get("praise");
    assertTrue(praise[1] * 4 >= praise[2] * 3, "praise: " + praise[1] + " of " + praise[2] + " positive");
  }

  /** The digest as its archive route serves it (GET /digests/{period}: the email's HTML). */
  private static String digestHtml() throws Exception {
    HttpResponse<String> page = stack.get("/digests/" + PERIOD);
    assertEquals(200, page.statusCode(), page.body());
    return page.body();
  }

  private static Chromium chromium() {
    Optional<Chromium> chromium = Chromium.find(dataDir.resolve("chromium"));
    Assumptions.assumeTrue(chromium.isPresent(), "headless Chromium not installed (apt-get install chromium, or "
        + "-Dlp.chromium=/path/to/chrome): the digest's rendering in a browser is not checked");
    return chromium.get();
  }

  /**
   * At a desktop mail client's 600 px and a phone's 390 px: text on the page, nothing wider than the window.
   * The screenshots are kept in docs/img (regenerate: {@value #SCREENSHOTS}).
   */
  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {600, 390})
  void theDigestRendersInChromiumWithNothingWiderThanTheWindow(int width) throws Exception {
    Chromium chromium = chromium();
    String html = digestHtml();

    Chromium.Layout layout = chromium.measure(html, width, true);
    assertEquals(width, layout.viewport());
    assertTrue(layout.text().contains("Week " + PERIOD) && layout.text().length() > 500, layout::text);
    assertTrue(layout.scrollWidth() <= width, () -> "scrolls sideways: " + layout);
    assertTrue(layout.widest() <= width, () -> "an element sticks out: " + layout);

    Path png = Boolean.getBoolean("lp.regenerate")
        ? Path.of(System.getProperty("lp.root", "..")).resolve("docs/img/digest-" + width + ".png")
        : dataDir.resolve("digest-" + width + ".png");
    chromium.screenshot(html, width, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(width, image.getWidth());
    assertTrue(inkShare(image) > 0.05, () -> "blank screenshot " + png + ": " + inkShare(image));
  }

  static final String SCREENSHOTS = "mvn -B -pl local -am verify -Dit.test=MixedWeekIT -Dtest=NONE "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dlp.regenerate=true";

  @Test
  void withImagesBlockedEveryNumberIsStillThere() throws Exception {
    Chromium chromium = chromium();
    String html = digestHtml();
    JsonNode counts = JSON.readTree(stack.get("/api/digests/" + PERIOD).body()).get("counts");

    Chromium.Layout blocked = chromium.measure(html, 600, false);
    assertEquals(chromium.measure(html, 600, true).text(), blocked.text(), "nothing shown depends on an image");
    assertTrue(blocked.text().contains(counts.get("messages").asText()), blocked::text);
    assertTrue(blocked.text().matches("(?s).*\\d+%.*"), "the bar charts' shares are text: " + blocked.text());
  }

  /** Share of pixels not of the page's background colour (the top-left pixel's). */
  private static double inkShare(BufferedImage image) {
    int background = image.getRGB(0, 0);
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRGB(x, y) != background) {
          ink++;
        }
      }
    }
    return ink / (double) ((long) image.getWidth() * image.getHeight());
  }

  private static Path outboxHtml() throws Exception {
    try (Stream<Path> files = Files.list(dataDir.resolve("outbox"))) {
      return files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
    }
  }

  private static List<String> labels(List<JsonNode> themes) {
    return themes.stream().map(t -> t.get("label").asText() + " (" + t.get("size").asLong() + ")").toList();
  }
}
