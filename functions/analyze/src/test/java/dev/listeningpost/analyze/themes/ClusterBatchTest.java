package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.analyze.testing.FakeEmbedder;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterBatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesEveryInputIdOnceWithThemeAndLabelOrNull(@TempDir Path dir) throws Exception {
    String[] topics = {"refund refund money back order", "password reset login account locked",
        "dark mode theme colours night"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lines.add(JSON.writeValueAsString(Map.of("id", "m" + i, "text", topics[i % 3] + " " + (i % 3 == 0 ? "asap" : ""))));
    }
    lines.add(JSON.writeValueAsString(Map.of("id", "m0", "text", "a repeated id")));
    lines.add(JSON.writeValueAsString(Map.of("id", "empty", "text", "")));
    lines.add("");
    Path in = dir.resolve("in.jsonl");
    Path out = dir.resolve("out.jsonl");
    Files.write(in, lines);

    ClusterBatch.Summary s = ClusterBatch.run(in, out, new FakeEmbedder(), AnalyzeProperties.Theme.defaults().settings());

    List<JsonNode> rows = new ArrayList<>();
    for (String l : Files.readAllLines(out)) {
      rows.add(JSON.readTree(l));
    }
    assertEquals(61, rows.size());
    assertEquals(61, rows.stream().map(r -> r.get("id").asText()).distinct().count());
    assertEquals(3, s.themes());
    Map<Integer, String> themeOfTopic = new HashMap<>();
    for (JsonNode r : rows) {
      String id = r.get("id").asText();
      if (id.equals("empty")) {
        assertTrue(r.get("theme").isNull(), "an empty text has no theme");
        continue;
      }
      int topic = Integer.parseInt(id.substring(1)) % 3;
      String theme = r.get("theme").asText();
      assertEquals(themeOfTopic.computeIfAbsent(topic, t -> theme), theme);
      assertTrue(r.get("label").asText().length() > 0);
    }
    assertEquals(1, s.unassigned());
  }

  @Test
  void staffLinesAndTheBrandsHandlesGetNoThemeButAreStillWritten(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add(JSON.writeValueAsString(Map.of("id", "c" + i, "text", i % 2 == 0
          ? "my checked bag was lost on the flight " + i : "flight cancelled and no rebooking offered " + i)));
      // The care team's canned reply, from staff and from the brand's handle: a tight group of its own.
      lines.add(JSON.writeValueAsString(i % 2 == 0
          ? Map.of("id", "s" + i, "text", "we are sorry please dm your record locator", "staff", true)
          : Map.of("id", "s" + i, "text", "we are sorry please dm your record locator", "author", "@AcmeAir")));
    }
    Path in = dir.resolve("in.jsonl");
    Path out = dir.resolve("out.jsonl");
    Files.write(in, lines);

    ClusterBatch.Summary s = ClusterBatch.run(in, out, new FakeEmbedder(),
        AnalyzeProperties.Theme.defaults().settings().withBrandTerms(List.of("acmeair")));

    assertEquals(80, s.items());
    assertEquals(40, s.excluded());
    assertEquals(2, s.themes(), "lost bags and cancellations; the staff reply is no theme");
    for (String l : Files.readAllLines(out)) {
      JsonNode r = JSON.readTree(l);
      if (r.get("id").asText().startsWith("s")) {
        assertTrue(r.get("theme").isNull(), l);
        assertEquals("not a customer", r.get("excluded").asText());
      } else {
        assertTrue(!r.get("theme").isNull(), l);
        assertTrue(!r.get("label").asText().contains("record locator"), l);
      }
    }
  }
}
