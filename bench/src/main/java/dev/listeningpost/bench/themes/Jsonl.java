package dev.listeningpost.bench.themes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.analyze.embed.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JSON-lines data sets ({@code id, text, label}) and a /tmp cache of their embeddings. */
final class Jsonl {
  record Row(String id, String text, String label) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private Jsonl() {
  }

  static List<Row> read(Path file) throws IOException {
    List<Row> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        out.add(new Row(n.path("id").asText(), n.path("text").asText(""), n.path("label").asText(null)));
      }
    }
    return out;
  }

  /** Embeddings cached in /tmp as {@code lp-emb-<name>-<rows>.f32}, the same scheme as {@link Banking77}. */
  static List<float[]> embed(String name, List<String> texts, Embedder embedder) throws IOException {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "lp-emb-" + name + "-" + texts.size() + ".f32");
    int dim = embedder.dimension();
    List<float[]> out = new ArrayList<>();
    if (Files.exists(cache) && Files.size(cache) == (long) texts.size() * dim * 4) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
        for (int i = 0; i < texts.size(); i++) {
          float[] v = new float[dim];
          for (int j = 0; j < dim; j++) {
            v[j] = in.readFloat();
          }
          out.add(v);
        }
      }
      return out;
    }
    out = embedder.embedAll(texts);
    Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp");
    try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      for (float[] v : out) {
        for (float x : v) {
          o.writeFloat(x);
        }
      }
    }
    Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return out;
  }
}
