package dev.listeningpost.digest.compose;

import dev.listeningpost.feedback.Feedback;

/** An item's sentiment class: its stored label, else its compound score by VADER's thresholds. */
public enum Polarity {
  POSITIVE, NEUTRAL, NEGATIVE;

  static final double POSITIVE_SCORE = 0.05;
  static final double NEGATIVE_SCORE = -0.05;

  /** Null when the item has not been analyzed. */
  public static Polarity of(Feedback f) {
    Feedback.Enrichment e = f.enrichment();
    if (e == null) {
      return null;
    }
    String l = e.sentimentLabel();
    if (l != null && !l.isBlank()) {
      // Case-insensitive prefix without allocating: this runs for every item in several sections.
      return l.regionMatches(true, 0, "pos", 0, 3) ? POSITIVE : l.regionMatches(true, 0, "neg", 0, 3) ? NEGATIVE
          : NEUTRAL;
    }
    if (e.sentiment() == null) {
      return null;
    }
    return e.sentiment() >= POSITIVE_SCORE ? POSITIVE : e.sentiment() <= NEGATIVE_SCORE ? NEGATIVE : NEUTRAL;
  }
}
