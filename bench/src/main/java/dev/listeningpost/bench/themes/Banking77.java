package dev.listeningpost.bench.themes;

import dev.listeningpost.analyze.embed.Embedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a Banking77 csv (text,category; quoted fields may span lines) and caches its embeddings under /tmp. */
final class Banking77 {
  record Row(String text, String label) {
  }

  private Banking77() {
  }

  static List<Row> read(Path csv) throws IOException {
    String all = Files.readString(csv, StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean header = true;
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < all.length() && all.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < all.length() && all.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(f.toString());
        f.setLength(0);
        if (!header && fields.size() == 2) {
          rows.add(new Row(fields.get(0).strip(), fields.get(1).strip()));
        }
        header = false;
        fields = new ArrayList<>();
      } else {
        f.append(c);
      }
    }
    if (!fields.isEmpty() || f.length() > 0) {
      fields.add(f.toString());
      if (fields.size() == 2) {
        rows.add(new Row(fields.get(0).strip(), fields.get(1).strip()));
      }
    }
    return rows;
  }

  /** Embeddings of the rows, cached in /tmp by file name and size so repeated runs skip the model. */
  static List<float[]> embed(Path csv, List<Row> rows, Embedder embedder) throws IOException {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "lp-emb-" + csv.getFileName() + "-" + rows.size() + ".f32");
    List<float[]> out = new ArrayList<>();
    if (Files.exists(cache) && Files.size(cache) == (long) rows.size() * embedder.dimension() * 4) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
        for (int i = 0; i < rows.size(); i++) {
          float[] v = new float[embedder.dimension()];
          for (int j = 0; j < v.length; j++) {
            v[j] = in.readFloat();
          }
          out.add(v);
        }
      }
      return out;
    }
    out = embedder.embedAll(rows.stream().map(Row::text).toList());
    try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
      for (float[] v : out) {
        for (float x : v) {
          o.writeFloat(x);
        }
      }
    }
    return out;
  }
}
