package dev.listeningpost.local;

import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.sentiment.SentimentBatch;
import dev.listeningpost.analyze.themes.ClusterBatch;
import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.wiring.ConfigDefaults;
import java.nio.file.Path;

/** {@code cluster} and {@code sentiment}: the functions' own code over a JSONL file, no storage needed. */
final class OfflineCommands {
  private OfflineCommands() {
  }

  static int run(Options options) throws Exception {
    Path in;
    Path out;
    try {
      in = options.requiredPath("in");
      out = options.requiredPath("out");
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(Options.USAGE);
      return 2;
    }
    if (!java.nio.file.Files.isReadable(in)) {
      System.err.println("error: cannot read " + in);
      return 2;
    }
    long start = System.nanoTime();
    if (options.command().equals("cluster")) {
      // The functions' theme settings, bound from this process's environment (THEME_MIN_COHESION, ...) as
      // the functions bind theirs; --brand-terms wins over THEME_BRAND_TERMS.
      AnalyzeProperties.Theme theme = ConfigDefaults.fromEnvironment(AnalyzeProperties.Theme.class, System.getenv());
      ThemeSettings settings = theme.settings(
          ConfigDefaults.fromEnvironment(dev.listeningpost.feedback.wiring.VoiceProperties.class, System.getenv()));
      if (options.flags().containsKey("brand-terms")) {
        settings = settings.withBrandTerms(ThemeSettings.parseBrandTerms(options.flags().get("brand-terms")));
      }
      ClusterBatch.Summary s = ClusterBatch.run(in, out, settings);
      System.err.printf("cluster: %d items (%d not customers), %d themes, %d unassigned -> %s (%.1f s)%n", s.items(),
          s.excluded(), s.themes(), s.unassigned(), out, (System.nanoTime() - start) / 1e9);
    } else {
      // The embedding-aware model is the better one (see docs/performance.md); same as the analyze function.
      try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
        SentimentBatch.runWithEmbeddings(in, out, embedder::embed);
      }
      System.err.printf("sentiment: -> %s (%.1f s)%n", out, (System.nanoTime() - start) / 1e9);
    }
    return 0;
  }
}
