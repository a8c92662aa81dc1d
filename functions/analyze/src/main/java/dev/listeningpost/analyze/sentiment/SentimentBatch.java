package dev.listeningpost.analyze.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Offline scoring for evaluation on any labelled data: reads JSON lines {@code {"id":"...","text":"..."}}
 * and writes {@code {"id":"...","label":"negative|neutral|positive","score":<compound>}}, one line
 * per input line, same order. Uses the same scorer as the analyze function.
 */
public final class SentimentBatch {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SentimentBatch() {
  }

  /** Scores with the default classifier's lexical fallback (no embedding); returns the number of lines written. */
  public static long run(Path inJsonl, Path outJsonl) throws IOException {
    return run(inJsonl, outJsonl, new SentimentClassifier());
  }

  public static long run(Path inJsonl, Path outJsonl, SentimentScorer scorer) throws IOException {
    return score(inJsonl, outJsonl, scorer::score);
  }

  /**
   * Scores with the classifier's embedding model, as the analyze function does when it has the
   * item's embedding: pass the function's embedder (all-MiniLM-L6-v2, 384 dimensions), e.g.
   * {@code text -> embedder.embed(text)}.
   */
  public static long runWithEmbeddings(Path inJsonl, Path outJsonl, Function<String, float[]> embedder) throws IOException {
    SentimentClassifier scorer = new SentimentClassifier();
    return score(inJsonl, outJsonl, text -> scorer.score(text, text.isBlank() ? null : embedder.apply(text)));
  }

  private static long score(Path inJsonl, Path outJsonl, Function<String, SentimentScorer.Sentiment> scorer)
      throws IOException {
    long written = 0;
    long lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(inJsonl, StandardCharsets.UTF_8);
         BufferedWriter out = Files.newBufferedWriter(outJsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          throw new IOException(inJsonl + " line " + lineNo + ": not JSON", e);
        }
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
          throw new IOException(inJsonl + " line " + lineNo + ": missing \"id\"");
        }
        JsonNode textNode = node.get("text");
        String text = textNode == null || textNode.isNull() ? "" : textNode.asText();
        SentimentScorer.Sentiment s = scorer.apply(text);
        ObjectNode result = JSON.createObjectNode();
        // Keep the id's JSON type (string or number) so callers can join on it unchanged.
        result.set("id", id);
        result.put("label", s.label().wire());
        result.put("score", Math.round(s.compound() * 10_000) / 10_000.0);
        out.write(JSON.writeValueAsString(result));
        out.write('\n');
        written++;
      }
    }
    return written;
  }
}
