package dev.listeningpost.analyze.themes;

/** How a theme's volume moved from the previous period to this one. */
public enum Trend {
  NEW, GROWING, STEADY, SHRINKING, FADING;

  /**
   * @param isNew the theme was first found during the period (or had no items before it)
   */
  public static Trend of(long current, long previous, boolean isNew) {
    if (isNew || (previous == 0 && current > 0)) {
      return NEW;
    }
    if (previous > 0 && current * 3 <= previous) {
      return FADING;
    }
    if (current - previous >= 3 && current >= previous * 1.25) {
      return GROWING;
    }
    if (previous - current >= 3 && current <= previous * 0.8) {
      return SHRINKING;
    }
    return STEADY;
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
