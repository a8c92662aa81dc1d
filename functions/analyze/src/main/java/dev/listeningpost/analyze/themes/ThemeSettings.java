package dev.listeningpost.analyze.themes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tuning of theme discovery. The defaults and their meaning are declared once, in
 * {@code dev.listeningpost.analyze.wiring.AnalyzeProperties.Theme}, which builds this record.
 *
 * @param sampleCapacity  items kept in the bounded sample that is re-clustered nightly
 * @param minThemeSize    sample members a cluster needs to become a theme
 * @param assignThreshold cosine similarity an item needs to its nearest theme to join it
 * @param stickyMargin    an item stays in its theme while that theme is this close to its best
 * @param mergeSimilarity two themes whose centres are this similar become one
 * @param refineRounds    assignment/centroid rounds when themes are carried over from the last run, and
 *                        after a first run's Ward clustering
 * @param recencyDays     half-life-like scale that favours recent items in the sample
 * @param quotes          representative quotes per theme
 * @param labelTerms      distinctive terms kept with a theme (the first is its label)
 * @param minCohesion     mean pairwise cosine similarity below which a cluster is too broad to be
 *                        one theme and splits (all-MiniLM-L6-v2 geometry)
 * @param brandTerms      the company's own names, handles and hashtags ({@code acme}, {@code @acmehelp},
 *                        {@code #acme}): authors with these handles are not customers, and labels never
 *                        use these words
 */
public record ThemeSettings(int sampleCapacity, int minThemeSize, double assignThreshold, double stickyMargin,
                            double mergeSimilarity, int refineRounds, double recencyDays, int quotes, int labelTerms,
                            double minCohesion, List<String> brandTerms) {

  public ThemeSettings {
    brandTerms = normalizeBrandTerms(brandTerms);
  }

  public ThemeSettings withSampleCapacity(int capacity) {
    return new ThemeSettings(capacity, minThemeSize, assignThreshold, stickyMargin, mergeSimilarity, refineRounds,
        recencyDays, quotes, labelTerms, minCohesion, brandTerms);
  }

  public ThemeSettings withMinCohesion(double cohesion) {
    return new ThemeSettings(sampleCapacity, minThemeSize, assignThreshold, stickyMargin, mergeSimilarity,
        refineRounds, recencyDays, quotes, labelTerms, cohesion, brandTerms);
  }

  public ThemeSettings withBrandTerms(List<String> terms) {
    return new ThemeSettings(sampleCapacity, minThemeSize, assignThreshold, stickyMargin, mergeSimilarity,
        refineRounds, recencyDays, quotes, labelTerms, minCohesion, terms);
  }

  /** Brand terms from a comma- or space-separated setting, e.g. {@code "Acme, @AcmeHelp, #acme"}. */
  public static List<String> parseBrandTerms(String csv) {
    List<String> out = new ArrayList<>();
    if (csv != null) {
      for (String t : csv.split("[,\\s]+")) {
        if (!t.isBlank()) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** True when a handle (with or without {@code @}) is one of the brand's own accounts. */
  public boolean isBrandHandle(String handle) {
    return handle != null && !handle.isBlank() && brandTerms.contains(bare(handle));
  }

  /** True when a token (word, handle or hashtag) names the brand. */
  public boolean isBrandTerm(String token) {
    return token != null && brandTerms.contains(bare(token));
  }

  /** Lower case without a leading {@code @} or {@code #}: handles, hashtags and names compare alike. */
  static String bare(String term) {
    return dev.listeningpost.feedback.voice.CustomerVoice.bare(term);
  }

  private static List<String> normalizeBrandTerms(List<String> terms) {
    Set<String> out = new LinkedHashSet<>();
    if (terms != null) {
      for (String t : terms) {
        String b = t == null ? "" : bare(t);
        if (!b.isEmpty()) {
          out.add(b);
        }
      }
    }
    return List.copyOf(out);
  }
}
