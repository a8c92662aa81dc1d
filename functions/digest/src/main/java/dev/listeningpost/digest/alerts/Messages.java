package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.Feedback;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The messages an alert quotes, and the sentiment reading the triggers share. */
final class Messages {
  /** VADER's conventional cut-off, used only where an item has a score but no label. */
  private static final double NEGATIVE_SCORE = -0.05;
  private static final int MAX_TEXT = 280;

  private Messages() {
  }

  /** Negative by the analyze function's label, else by its compound score. */
  static boolean isNegative(Feedback f) {
    Feedback.Enrichment e = f.enrichment();
    if (e == null) {
      return false;
    }
    if (e.sentimentLabel() != null && !e.sentimentLabel().isBlank()) {
      return e.sentimentLabel().toLowerCase(Locale.ROOT).startsWith("neg");
    }
    return e.sentiment() != null && e.sentiment() <= NEGATIVE_SCORE;
  }

  /** Up to {@code limit} quotes, most negative first, then newest; items with a link before those without. */
  static List<Alert.Message> quotes(Stream<Feedback> items, int limit) {
    return items
        .sorted(Comparator.comparing((Feedback f) -> f.permalink() == null || f.permalink().isBlank())
            .thenComparingDouble(Messages::score)
            .thenComparing(Feedback::createdAt, Comparator.reverseOrder())
            .thenComparing(Feedback::id))
        .limit(limit)
        .map(Messages::quote)
        .toList();
  }

  static Alert.Message quote(Feedback f) {
    String author = f.author().handle() != null && !f.author().handle().isBlank()
        ? f.author().name() + (f.author().name().equals(f.author().handle()) ? "" : " (@" + f.author().handle() + ")")
        : f.author().name();
    String text = f.text().strip().replaceAll("\\s+", " ");
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT - 1).strip() + "…";
    }
    return new Alert.Message(author, f.channel(), text, f.permalink());
  }

  private static double score(Feedback f) {
    return f.enrichment() == null || f.enrichment().sentiment() == null ? 0 : f.enrichment().sentiment();
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
