package dev.listeningpost.analyze.themes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline clustering for evaluation on any labelled data: JSON lines {@code {"id","text"}} in,
 * {@code {"id","theme","label"}} out, every input id exactly once (the first occurrence wins),
 * {@code "theme":null} for items no theme is close enough to. Runs the nightly job's clustering
 * code in memory: the same bounded sample, the same theme discovery, the same assignment rule.
 */
public final class ClusterBatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterBatch() {
  }

  /**
   * One input line: {@code {"id", "text"}}, optionally {@code "staff": true} and {@code "author": "@handle"}
   * (staff and the brand's own handles are not customers: they get no theme, as in the live pipeline).
   */
  public record Item(String id, String text, boolean staff, String author) {
    public Item(String id, String text) {
      this(id, text, false, null);
    }
  }

  /** What a run found. */
  public record Summary(int items, int themes, int unassigned, int excluded) {
  }

  /** The outcome per item (theme and label null when unassigned) and the themes. */
  public record Clustering(List<Item> items, List<String> themeOf, List<Theme> themes) {
    public String labelOf(int i) {
      String t = themeOf.get(i);
      if (t == null) {
        return null;
      }
      return themes.stream().filter(x -> x.id().equals(t)).findFirst().map(Theme::label).orElse(null);
    }
  }

  public static Summary run(Path in, Path out, ThemeSettings settings) throws IOException {
    try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
      return run(in, out, embedder, settings);
    }
  }

  public static Summary run(Path in, Path out, Embedder embedder, ThemeSettings settings) throws IOException {
    List<Item> items = read(in);
    List<float[]> vectors = embedder.embedAll(items.stream().map(Item::text).toList());
    Clustering c = cluster(items, vectors, settings, embedder);
    Map<String, String> labels = new LinkedHashMap<>();
    c.themes().forEach(t -> labels.put(t.id(), t.label()));
    int unassigned = 0;
    int excluded = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < items.size(); i++) {
        String theme = c.themeOf().get(i);
        ObjectNode line = JSON.createObjectNode();
        line.put("id", items.get(i).id());
        if (!customer(items.get(i), settings)) {
          line.putNull("theme");
          line.putNull("label");
          line.put("excluded", "not a customer");
          excluded++;
        } else if (theme == null) {
          unassigned++;
          line.putNull("theme");
          line.putNull("label");
        } else {
          line.put("theme", theme);
          line.put("label", labels.get(theme));
        }
        w.write(JSON.writeValueAsString(line));
        w.newLine();
      }
    }
    return new Summary(items.size(), c.themes().size(), unassigned, excluded);
  }

  /**
   * Clusters items whose vectors are already computed (benchmarks cache them). Only customers'
   * items enter the sample and get a theme; {@code embedder} embeds label candidates (null: labels by
   * class-based TF-IDF alone).
   */
  public static Clustering cluster(List<Item> items, List<float[]> vectors, ThemeSettings settings,
                                   Embedder embedder) {
    ThemeSample sample = new ThemeSample(settings);
    for (int i = 0; i < items.size(); i++) {
      if (customer(items.get(i), settings)) {
        sample.offer(new Member(items.get(i).id(), items.get(i).text(), null, null, null, vectors.get(i)));
      }
    }
    ThemeClusterer.Result r = new ThemeClusterer(settings, embedder)
        .recluster(sample.members(), List.of(), Instant.EPOCH);
    List<String> themeOf = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      themeOf.add(customer(items.get(i), settings) ? r.index().assign(vectors.get(i)) : null);
    }
    return new Clustering(items, themeOf, r.active());
  }

  public static Clustering cluster(List<Item> items, List<float[]> vectors, ThemeSettings settings) {
    return cluster(items, vectors, settings, null);
  }

  private static boolean customer(Item item, ThemeSettings settings) {
    return CustomerVoice.isCustomer(item.staff(), item.author(), settings);
  }

  /** Reads JSON lines; blank lines are skipped; a repeated id keeps its first text. */
  public static List<Item> read(Path in) throws IOException {
    Map<String, Item> items = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
          throw new IOException("line " + n + ": no id");
        }
        String text = node.hasNonNull("text") ? node.get("text").asText() : "";
        boolean staff = node.path("staff").asBoolean(false);
        String author = node.hasNonNull("author") ? node.get("author").asText() : null;
        items.putIfAbsent(id.asText(), new Item(id.asText(), text, staff, author));
      }
    }
    return new ArrayList<>(items.values());
  }
}
