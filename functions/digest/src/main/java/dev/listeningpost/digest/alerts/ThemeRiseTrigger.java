package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.voice.CustomerVoice;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.trends.ThemeTrend;
import dev.listeningpost.feedback.trends.ThemeTrends;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A theme rising unusually fast: the theme trends' rule ({@link ThemeTrends}, the digest's and the read
 * API's) applied to the window against the pooled baseline windows, with the alerts' own, stricter
 * thresholds. Each theme that rises significantly raises one alert, fastest first.
 */
public final class ThemeRiseTrigger implements AlertTrigger {
  private final ThemeTrends rule;
  private final CustomerVoice voice;
  private final ThemeLabels labels;
  private final int quotes;

  public ThemeRiseTrigger(ThemeTrends rule, CustomerVoice voice, ThemeLabels labels, int quotes) {
    this.rule = rule;
    this.voice = voice;
    this.labels = labels;
    this.quotes = quotes;
  }

  @Override
  public List<Alert> evaluate(AlertInput input) {
    List<Feedback> current = input.current().stream().filter(f -> PeriodCounts.counts(f, voice)).toList();
    List<Feedback> baseline = input.baseline().stream().filter(f -> PeriodCounts.counts(f, voice)).toList();
    Set<String> ids = new HashSet<>();
    current.forEach(f -> addTheme(ids, f));
    baseline.forEach(f -> addTheme(ids, f));
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, String> heirs = labels.heirs(ids);
    UnaryOperator<String> resolve = id -> heirs.getOrDefault(id, id);
    ThemeTrends.Result result = rule.compute(PeriodCounts.of(current, resolve), List.of(PeriodCounts.of(baseline, resolve)));
    List<ThemeTrend> rising = result.themes().stream().filter(rule::risesSignificantly)
        .sorted(Comparator.comparingDouble(ThemeTrend::rateRatio).reversed().thenComparing(ThemeTrend::themeId))
        .toList();
    if (rising.isEmpty()) {
      return List.of();
    }
    Map<String, String> label = labels.labels(rising.stream().map(ThemeTrend::themeId).toList());
    List<Alert> out = new ArrayList<>();
    for (ThemeTrend t : rising) {
      String name = label.getOrDefault(t.themeId(), t.themeId());
      List<String> facts = new ArrayList<>();
      facts.add(String.format(Locale.ROOT, "%d of %d customer messages (%s) were about \u201c%s\u201d, against %s "
              + "(%d of %d) in the %s before: %.1f\u00d7 its usual share.", t.volume(), result.customers(),
          Messages.percent(t.share()), name, t.baselineShare() == null ? "none" : Messages.percent(t.baselineShare()),
          t.baselineVolume(), result.baselineCustomers(), Durations.describe(input.baselineSpan().length()),
          t.rateRatio()));
      facts.add(String.format(Locale.ROOT, "Exact test of the share against the baseline: p = %.2g (q = %.2g over "
          + "%d themes).", t.pValue(), t.qValue(), result.themes().size()));
      String title = (t.baselineVolume() == 0 ? "New theme: \u201c" : "Theme rising fast: \u201c") + name
          + "\u201d, " + t.volume() + " customer messages";
      out.add(new Alert(AlertKind.THEME_RISING, t.themeId(), input.window(), title, facts, name,
          Messages.quotes(current.stream().filter(f -> t.themeId().equals(theme(f, resolve))), quotes)));
    }
    return out;
  }

  private static void addTheme(Set<String> ids, Feedback f) {
    if (f.enrichment().themeId() != null) {
      ids.add(f.enrichment().themeId());
    }
  }

  private static String theme(Feedback f, UnaryOperator<String> resolve) {
    return f.enrichment().themeId() == null ? null : resolve.apply(f.enrichment().themeId());
  }
}
