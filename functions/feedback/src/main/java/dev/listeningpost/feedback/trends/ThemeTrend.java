package dev.listeningpost.feedback.trends;

/**
 * One theme's trend in a period. Shares are fractions (0..1) of the period's customer volume;
 * changes are differences of shares (0.03 = +3 percentage points). Fields are null where the
 * period they need had no customer volume.
 *
 * @param volume          customer items of the theme this period
 * @param share           volume / customer volume of the period
 * @param previousVolume  customer items of the theme in the period before
 * @param previousShare   its share then
 * @param baselineVolume  customer items of the theme over the baseline periods
 * @param baselineShare   pooled share over the baseline: baselineVolume / baseline customer volume
 * @param changeVsPrevious share - previousShare
 * @param changeVsBaseline share - baselineShare
 * @param rateRatio       (volume + 0.5) / customers over (baselineVolume + 0.5) / baseline customers:
 *                        how many times its usual share it holds now (defined for new themes too)
 * @param pValue          two-sided exact test of "same share as the baseline", null when untestable
 * @param qValue          pValue adjusted for the number of themes tested (Benjamini-Hochberg)
 * @param fastestRiser    the one theme of the period with the largest significant rise
 */
public record ThemeTrend(String themeId, TrendStatus status, long volume, Double share, long previousVolume,
                         Double previousShare, long baselineVolume, Double baselineShare, Double changeVsPrevious,
                         Double changeVsBaseline, Double rateRatio, Double pValue, Double qValue,
                         boolean fastestRiser) {

  ThemeTrend withFastestRiser() {
    return new ThemeTrend(themeId, status, volume, share, previousVolume, previousShare, baselineVolume,
        baselineShare, changeVsPrevious, changeVsBaseline, rateRatio, pValue, qValue, true);
  }
}
