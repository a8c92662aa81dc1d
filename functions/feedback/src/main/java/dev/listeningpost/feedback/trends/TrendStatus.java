package dev.listeningpost.feedback.trends;

import java.util.Locale;

/**
 * What a theme's share of customer volume did this period, as decided by {@link ThemeTrends}.
 * GROWING and FADING are claims backed by a significance test; NEW and GONE are facts.
 */
public enum TrendStatus {
  /** Items this period, none in the baseline. */
  NEW,
  /** Share significantly and materially above the baseline share. */
  GROWING,
  /** No significant, material change in share (including growth in line with total volume). */
  STEADY,
  /** Share significantly and materially below the baseline share, some items left. */
  FADING,
  /** No items this period, some in the baseline. */
  GONE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
