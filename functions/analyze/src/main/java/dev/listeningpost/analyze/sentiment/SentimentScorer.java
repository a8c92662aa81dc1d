package dev.listeningpost.analyze.sentiment;

/** Scores the sentiment of one short text. Implementations are thread-safe and deterministic. */
public interface SentimentScorer {

  Sentiment score(String text);

  /**
   * Scores a text whose all-MiniLM-L6-v2 sentence embedding the caller already has (the analyze
   * function computes one for themes). Scorers that do not read embeddings ignore it.
   */
  default Sentiment score(String text, float[] embeddingOrNull) {
    return score(text);
  }

  /** A compound score in [-1, 1] and its three-class label. */
  record Sentiment(double compound, Label label) {
  }

  enum Label {
    NEGATIVE, NEUTRAL, POSITIVE;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
