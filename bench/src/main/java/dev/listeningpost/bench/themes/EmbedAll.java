package dev.listeningpost.bench.themes;

import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.List;

/** Warms the embedding caches of the theme data sets (Banking77 test, Bitext, clothing reviews). */
public final class EmbedAll {
  private EmbedAll() {
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    try (MiniLmEmbedder e = new MiniLmEmbedder()) {
      List<Banking77.Row> test = Banking77.read(data.resolve("banking77/test.csv"));
      Banking77.embed(data.resolve("banking77/test.csv"), test, e);
      System.err.println("banking77 test done");
      for (String set : List.of("bitext-intents", "clothing-reviews")) {
        long t0 = System.nanoTime();
        List<Jsonl.Row> rows = Jsonl.read(data.resolve(set).resolve("items.jsonl"));
        Jsonl.embed(set, rows.stream().map(Jsonl.Row::text).toList(), e);
        System.err.printf("%s done (%d, %.0f s)%n", set, rows.size(), (System.nanoTime() - t0) / 1e9);
      }
    }
    System.exit(0);
  }
}
