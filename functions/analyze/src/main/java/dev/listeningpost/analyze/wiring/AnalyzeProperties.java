package dev.listeningpost.analyze.wiring;

import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.feedback.wiring.ConfigDefaults;
import dev.listeningpost.feedback.wiring.VoiceProperties;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Analyze settings: theme discovery and assignment (docs/themes.md) and the embedding model's threads.
 * The theme defaults are semantic (in all-MiniLM-L6-v2's geometry) or capacity choices, not a number of
 * themes: that is found from the data. One record per property prefix (Micronaut binds one prefix per
 * type); a default is declared once, on its component, and docs/configuration.md is generated from these
 * declarations. The theme table's name is a storage setting (the digest reads it too).
 */
public final class AnalyzeProperties {
  private AnalyzeProperties() {
  }

  /**
   * Theme discovery and assignment.
   *
   * @param sampleCapacity      items kept in the bounded sample that is re-clustered nightly
   * @param minSize             sample members a cluster needs to become a theme
   * @param assignThreshold     cosine similarity an item needs to its nearest theme to join it
   * @param stickyMargin        an item stays in its theme while that theme is this close to its best
   * @param mergeSimilarity     two themes whose centres are this similar become one
   * @param refineRounds        assignment/centroid rounds when themes are carried over from the last run, and
   *                            after a first run's Ward clustering
   * @param recencyDays         half-life-like scale (days) that favours recent items in the sample
   * @param quotes              representative quotes kept per theme
   * @param labelTerms          distinctive terms kept with a theme (the first is its label)
   * @param minCohesion         mean pairwise cosine similarity below which a cluster is too broad to be one theme
   *                            and splits
   * @param refreshSeconds      how often a warm analyze function re-reads the themes it assigns items to
   * @param initialLookbackDays days of analysed feedback the first themes run clusters
   * @param settleMinutes       the themes job leaves items analysed in the last minutes for its next run (the
   *                            index it reads is eventually consistent)
   */
  @ConfigurationProperties("theme")
  public record Theme(@Bindable(defaultValue = "3000") int sampleCapacity,
                      @Bindable(defaultValue = "3") int minSize,
                      @Bindable(defaultValue = "0.5") double assignThreshold,
                      @Bindable(defaultValue = "0.05") double stickyMargin,
                      @Bindable(defaultValue = "0.9") double mergeSimilarity,
                      @Bindable(defaultValue = "3") int refineRounds,
                      @Bindable(defaultValue = "30") double recencyDays,
                      @Bindable(defaultValue = "3") int quotes,
                      @Bindable(defaultValue = "3") int labelTerms,
                      @Bindable(defaultValue = "0.45") double minCohesion,
                      @Bindable(defaultValue = "300") long refreshSeconds,
                      @Bindable(defaultValue = "30") int initialLookbackDays,
                      @Bindable(defaultValue = "10") int settleMinutes) {

    public static Theme defaults() {
      return ConfigDefaults.of(Theme.class);
    }

    /** Without brand terms: those are the shared customer-voice setting ({@code VoiceProperties}). */
    public ThemeSettings settings() {
      return new ThemeSettings(sampleCapacity, minSize, assignThreshold, stickyMargin, mergeSimilarity, refineRounds,
          recencyDays, quotes, labelTerms, minCohesion, java.util.List.of());
    }

    public ThemeSettings settings(VoiceProperties voice) {
      return settings().withBrandTerms(ThemeSettings.parseBrandTerms(voice.brandTerms()));
    }

    public Duration refreshEvery() {
      return Duration.ofSeconds(refreshSeconds);
    }

    public Duration initialLookback() {
      return Duration.ofDays(initialLookbackDays);
    }

    public Duration settle() {
      return Duration.ofMinutes(settleMinutes);
    }
  }

  /**
   * The analyze function's write-back.
   *
   * @param writeConcurrency items of a stream batch scored and written back at once (conditional updates in
   *                         flight); 1 writes them one after another
   */
  @ConfigurationProperties("analyze")
  public record Analyze(@Bindable(defaultValue = "8") int writeConcurrency) {

    public static Analyze defaults() {
      return ConfigDefaults.of(Analyze.class);
    }
  }

  /**
   * The embedding model (all-MiniLM-L6-v2, in-process).
   *
   * @param threads inference threads; 0 means one per processor
   */
  @ConfigurationProperties("embed")
  public record Embed(@Bindable(defaultValue = "0") int threads) {

    public int effectiveThreads() {
      return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
  }
}
