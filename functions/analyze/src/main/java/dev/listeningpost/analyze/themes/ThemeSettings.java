package dev.listeningpost.analyze.themes;

/**
 * Tuning of theme discovery. The defaults are semantic (in the embedding model's geometry) or
 * capacity choices, not a number of themes: that is found from the data.
 *
 * @param sampleCapacity  items kept in the bounded sample that is re-clustered nightly
 * @param minThemeSize    sample members a cluster needs to become a theme
 * @param assignThreshold cosine similarity an item needs to its nearest theme to join it
 * @param stickyMargin    an item stays in its theme while that theme is this close to its best
 * @param mergeSimilarity two themes whose centres are this similar become one
 * @param refineRounds    assignment/centroid rounds when themes are carried over from the last run
 * @param recencyDays     half-life-like scale that favours recent items in the sample
 * @param quotes          representative quotes per theme
 * @param labelTerms      distinctive terms in a label
 */
public record ThemeSettings(int sampleCapacity, int minThemeSize, double assignThreshold, double stickyMargin,
                            double mergeSimilarity, int refineRounds, double recencyDays, int quotes, int labelTerms) {

  public static ThemeSettings defaults() {
    return new ThemeSettings(3000, 3, 0.5, 0.05, 0.9, 3, 30, 3, 3);
  }

  public ThemeSettings withSampleCapacity(int capacity) {
    return new ThemeSettings(capacity, minThemeSize, assignThreshold, stickyMargin, mergeSimilarity, refineRounds,
        recencyDays, quotes, labelTerms);
  }
}
