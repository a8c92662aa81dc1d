package dev.listeningpost.bench.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One human-rated file of Hutto &amp; Gilbert (2014): lines "id TAB mean rating (-4..4) TAB text". */
record GroundTruth(String name, List<String> texts, double[] ratings) {

  /** The four sets, in the order the paper reports them. */
  static final List<String> FILES = List.of(
      "tweets_GroundTruth.txt", "amazonReviewSnippets_GroundTruth.txt",
      "movieReviewSnippets_GroundTruth.txt", "nytEditorialSnippets_GroundTruth.txt");

  static final Path DEFAULT_DIR = Path.of("/work/shared/data/vader-groundtruth");

  static List<GroundTruth> loadAll(Path dir) throws IOException {
    List<GroundTruth> out = new ArrayList<>();
    for (String f : FILES) {
      out.add(load(dir.resolve(f)));
    }
    return out;
  }

  static GroundTruth load(Path file) throws IOException {
    List<String> texts = new ArrayList<>();
    List<Double> ratings = new ArrayList<>();
    // The files are not all valid UTF-8; decode leniently rather than fail.
    String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    for (String line : content.split("\r?\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length < 3) {
        continue;
      }
      ratings.add(Double.parseDouble(parts[1].strip()));
      texts.add(parts[2]);
    }
    double[] r = new double[ratings.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = ratings.get(i);
    }
    String name = file.getFileName().toString().replace("_GroundTruth.txt", "");
    return new GroundTruth(name, texts, r);
  }

  /**
   * The 3-class rule for human ratings: mean &gt;= 0.5 positive, &lt;= -0.5 negative, else neutral.
   * Half a point on the -4..4 scale is about where raters stop agreeing on a direction; a rule at 0
   * would call a 0.1 average "positive".
   */
  static int humanLabel(double rating) {
    return rating >= 0.5 ? 1 : rating <= -0.5 ? -1 : 0;
  }
}
