package dev.listeningpost.analyze.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentBatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void writesOneResultPerInputInOrder() throws IOException {
    Path in = dir.resolve("texts.jsonl");
    Path out = dir.resolve("sentiment.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"b-2\",\"text\":\"The app crashes every time I open it, I want a refund.\"}",
        "",
        "{\"id\":\"a-1\",\"text\":\"Works great, highly recommend it! 😁\"}",
        "{\"id\":7,\"text\":\"The invoice is attached.\"}",
        "{\"id\":\"no-text\"}") + "\n", StandardCharsets.UTF_8);

    long written = SentimentBatch.run(in, out);

    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(4, written);
    assertEquals(4, lines.size());
    SentimentClassifier scorer = new SentimentClassifier();
    String[] ids = {"b-2", "a-1", "7", "no-text"};
    String[] texts = {"The app crashes every time I open it, I want a refund.",
        "Works great, highly recommend it! 😁", "The invoice is attached.", ""};
    for (int i = 0; i < lines.size(); i++) {
      JsonNode node = JSON.readTree(lines.get(i));
      assertEquals(Set.of("id", "label", "score"), Set.copyOf(iterable(node)));
      assertEquals(ids[i], node.get("id").asText());
      SentimentScorer.Sentiment expected = scorer.score(texts[i]);
      assertEquals(expected.label().wire(), node.get("label").asText());
      assertEquals(expected.compound(), node.get("score").asDouble(), 0.00005);
    }
    assertTrue(JSON.readTree(lines.get(2)).get("id").isNumber(), "the id keeps its JSON type");
    assertEquals("negative", JSON.readTree(lines.get(0)).get("label").asText());
    assertEquals("positive", JSON.readTree(lines.get(1)).get("label").asText());
  }

  @Test
  void usesTheGivenScorer() throws IOException {
    Path in = dir.resolve("in.jsonl");
    Path out = dir.resolve("out.jsonl");
    Files.writeString(in, "{\"id\":\"x\",\"text\":\"Today SUX!\"}\n");
    SentimentBatch.run(in, out, new VaderScorer());
    JsonNode node = JSON.readTree(Files.readString(out));
    assertEquals(-0.5461, node.get("score").asDouble(), 1e-9);
    assertEquals("negative", node.get("label").asText());
  }

  @Test
  void passesEachTextsEmbeddingToTheScorer() throws IOException {
    Path in = dir.resolve("in.jsonl");
    Path out = dir.resolve("out.jsonl");
    String text = "The book was good.";
    Files.writeString(in, "{\"id\":\"x\",\"text\":\"" + text + "\"}\n{\"id\":\"y\",\"text\":\"\"}\n");
    List<String> embedded = new java.util.ArrayList<>();
    float[] vector = new float[384];
    vector[0] = 1;
    SentimentBatch.runWithEmbeddings(in, out, t -> {
      embedded.add(t);
      return vector;
    });
    assertEquals(List.of(text), embedded, "blank texts are not embedded");
    double expected = new SentimentClassifier().score(text, vector).compound();
    JsonNode node = JSON.readTree(Files.readAllLines(out).get(0));
    assertEquals(expected, node.get("score").asDouble(), 0.00005);
  }

  @Test
  void rejectsLinesWithoutId() throws IOException {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, "{\"text\":\"hello\"}\n");
    IOException e = assertThrows(IOException.class, () -> SentimentBatch.run(in, dir.resolve("o.jsonl")));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
