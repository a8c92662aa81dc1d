package dev.listeningpost.bench.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled sentiment set: texts and their 3-class human label (-1 negative, 0 neutral,
 * 1 positive). {@code ratings} holds the human mean rating (-4..4) for the VADER ground-truth sets
 * (for Pearson r) and is null for sets labelled by class only.
 */
record LabelledSet(String name, List<String> texts, int[] labels, double[] ratings) {

  static final Path DEFAULT_ROOT = Path.of("/work/shared/data");

  /** The five sets of the leave-one-set-out benchmark, with their short names. */
  static List<LabelledSet> loadAll(Path root) throws IOException {
    List<LabelledSet> out = new ArrayList<>();
    String[] names = {"tweets", "amazon", "movies", "nyt"};
    for (int k = 0; k < GroundTruth.FILES.size(); k++) {
      GroundTruth g = GroundTruth.load(root.resolve("vader-groundtruth").resolve(GroundTruth.FILES.get(k)));
      out.add(new LabelledSet(names[k], g.texts(), Metrics.humanLabels(g.ratings()), g.ratings()));
    }
    out.add(clothing(root.resolve("clothing-reviews/items.jsonl")));
    return out;
  }

  /** Women's clothing reviews: the reviewer's stars mapped to 3 classes by the data set (1-2, 3, 4-5). */
  static LabelledSet clothing(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      texts.add(n.get("text").asText());
      labels.add(switch (n.get("label").asText()) {
        case "negative" -> -1;
        case "neutral" -> 0;
        case "positive" -> 1;
        default -> throw new IOException("unknown label in " + line);
      });
    }
    return new LabelledSet("clothing", texts, labels.stream().mapToInt(Integer::intValue).toArray(), null);
  }

  int size() {
    return texts.size();
  }
}
