package dev.listeningpost.digest.compose;

import dev.listeningpost.feedback.Feedback;
import java.util.Locale;

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
    if (e.sentimentLabel() != null && !e.sentimentLabel().isBlank()) {
      String l = e.sentimentLabel().toLowerCase(Locale.ROOT);
      return l.startsWith("pos") ? POSITIVE : l.startsWith("neg") ? NEGATIVE : NEUTRAL;
    }
    if (e.sentiment() == null) {
      return null;
    }
    return e.sentiment() >= POSITIVE_SCORE ? POSITIVE : e.sentiment() <= NEGATIVE_SCORE ? NEGATIVE : NEUTRAL;
  }
}
