package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.voice.CustomerVoice;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.trends.ThemeTrend;
import dev.listeningpost.feedback.trends.ThemeTrends;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A significant rise of the negative share of customer items: negative items are tested as one "theme"
 * by the theme trends' rule ({@link ThemeTrends}: exact conditional test of the window's share against the
 * pooled baseline share, at least {@code minRatio} times the baseline share and {@code minVolume} negative
 * items). A busier window with the usual share raises nothing; a handful of angry messages in a quiet hour
 * neither.
 */
public final class NegativeSpikeTrigger implements AlertTrigger {
  static final String SUBJECT = "customers";
  private static final String NEGATIVE = "negative";

  private final ThemeTrends rule;
  private final CustomerVoice voice;
  private final ThemeLabels labels;
  private final int quotes;

  public NegativeSpikeTrigger(ThemeTrends rule, CustomerVoice voice, ThemeLabels labels, int quotes) {
    this.rule = rule;
    this.voice = voice;
    this.labels = labels;
    this.quotes = quotes;
  }

  @Override
  public List<Alert> evaluate(AlertInput input) {
    PeriodCounts now = negatives(input.current());
    PeriodCounts before = negatives(input.baseline());
    Optional<ThemeTrend> trend = rule.compute(now, List.of(before)).of(NEGATIVE);
    if (trend.isEmpty() || !rule.risesSignificantly(trend.get())) {
      return List.of();
    }
    ThemeTrend t = trend.get();
    List<Feedback> negative = input.current().stream().filter(f -> PeriodCounts.counts(f, voice) && Messages.isNegative(f)).toList();
    String share = Messages.percent(t.share());
    String usual = t.baselineShare() == null ? "none" : Messages.percent(t.baselineShare());
    List<String> facts = new ArrayList<>();
    facts.add(String.format(Locale.ROOT, "%d of %d customer messages were negative (%s), against %s (%d of %d) "
        + "in the %s before.", t.volume(), now.customers(), share, usual, t.baselineVolume(), before.customers(),
        Durations.describe(input.baselineSpan().length())));
    facts.add(String.format(Locale.ROOT, "Exact test of the share against the baseline: p = %.2g.", t.pValue()));
    String theme = topTheme(negative);
    if (theme != null) {
      facts.add("Most of them are about \u201c" + theme + "\u201d.");
    }
    String title = "Negative spike: " + share + " of customer messages negative (usually " + usual + ")";
    return List.of(new Alert(AlertKind.NEGATIVE_SPIKE, SUBJECT, input.window(), title, facts, theme,
        Messages.quotes(negative.stream(), quotes)));
  }

  private PeriodCounts negatives(List<Feedback> items) {
    long customers = 0;
    long negative = 0;
    for (Feedback f : items) {
      if (PeriodCounts.counts(f, voice)) {
        customers++;
        if (Messages.isNegative(f)) {
          negative++;
        }
      }
    }
    return new PeriodCounts(customers, negative == 0 ? Map.of() : Map.of(NEGATIVE, negative));
  }

  /** The label of the theme most negative items carry, if it has one. */
  private String topTheme(List<Feedback> negative) {
    Map<String, Long> byTheme = negative.stream().filter(f -> f.enrichment().themeId() != null)
        .collect(Collectors.groupingBy(f -> f.enrichment().themeId(), Collectors.counting()));
    return byTheme.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .map(id -> labels.labels(List.of(id)).get(id))
        .orElse(null);
  }
}
