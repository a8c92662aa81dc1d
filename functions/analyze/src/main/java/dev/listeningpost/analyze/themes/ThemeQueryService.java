package dev.listeningpost.analyze.themes;

import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.trends.ThemeTrend;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Read side of themes for the API: per period, each theme's customer volume, share and trend
 * (by {@link ThemeTrends}, the rule the digest uses too), mean sentiment and quotes; and a
 * theme's items. Volumes come from the items themselves (the feedback table's byDay index: one
 * Query per day, never a Scan) for the period and the baseline periods before it; items carrying
 * the id of a theme that has since merged count for the theme it merged into. Staff items never
 * count.
 */
public class ThemeQueryService {
  private final ThemeStore themes;
  private final FeedbackStore feedback;
  private final ThemeTrends rule;
  private final CustomerVoice voice;

  public ThemeQueryService(ThemeStore themes, FeedbackStore feedback) {
    this(themes, feedback, ThemeTrends.DEFAULT, CustomerVoice.STAFF_ONLY);
  }

  public ThemeQueryService(ThemeStore themes, FeedbackStore feedback, ThemeTrends rule) {
    this(themes, feedback, rule, CustomerVoice.STAFF_ONLY);
  }

  /** @param voice who counts as a customer (brand handles too are left out), the rule the digest uses */
  public ThemeQueryService(ThemeStore themes, FeedbackStore feedback, ThemeTrends rule, CustomerVoice voice) {
    this.themes = themes;
    this.feedback = feedback;
    this.rule = rule;
    this.voice = voice;
  }

  /**
   * One theme in a period. {@code size} / {@code previousSize} are customer items in this and the
   * previous period; shares and changes are fractions of the period's analysed customer volume
   * (see {@link ThemeTrend}); {@code trend} is new, growing, steady, fading or gone;
   * {@code sentiment} is the mean compound score of its customer items, null if none.
   */
  public record ThemeSummary(String id, String label, List<String> terms, long size, long previousSize, String trend,
                             Double share, Double previousShare, Double baselineShare, Double changeVsPrevious,
                             Double changeVsBaseline, Double rateRatio, Double pValue, Double qValue,
                             boolean fastestRiser, Double sentiment, List<Quote> quotes, Instant firstSeen) {
  }

  /**
   * The themes of a period: customer volume of the period, the previous one and the baseline,
   * the fastest significant riser (null if none) and the themes, largest first.
   */
  public record PeriodThemes(long customerVolume, long previousCustomerVolume, long baselineCustomerVolume,
                             int baselinePeriods, String fastestRiser, List<ThemeSummary> themes) {
  }

  /** One item of a theme. */
  public record ThemeItem(String id, String channel, String text, String author, String permalink, Instant createdAt,
                          Double sentiment, String sentimentLabel) {
  }

  /** A theme and its customer items in a period, newest first. */
  public record ThemeDetail(ThemeSummary theme, List<ThemeItem> items) {
  }

  /** Active themes with customer items in the period or its baseline, by volume (largest first). */
  public List<ThemeSummary> themes(Period period) {
    return overview(period).themes();
  }

  public PeriodThemes overview(Period period) {
    ThemeIndex index = new ThemeIndex(themes.themes(), 1, 0);
    List<Feedback> items = feedback.createdBetween(period.from(), period.until(), null);
    ThemeTrends.Result r = trends(index, period, items);
    Map<String, List<Feedback>> byTheme = byTheme(index, items);
    List<ThemeSummary> out = new ArrayList<>();
    for (ThemeTrend t : r.themes()) {
      out.add(summary(index.get(t.themeId()), t, byTheme.getOrDefault(t.themeId(), List.of())));
    }
    out.sort(Comparator.comparingLong(ThemeSummary::size).reversed().thenComparing(ThemeSummary::id));
    return new PeriodThemes(r.customers(), r.previousCustomers(), r.baselineCustomers(), rule.baselinePeriods(),
        r.fastestRiser().map(ThemeTrend::themeId).orElse(null), out);
  }

  /** A theme (an id that merged resolves to its heir) and its customer items in the period. */
  public Optional<ThemeDetail> theme(String id, Period period) {
    ThemeIndex index = new ThemeIndex(themes.themes(), 1, 0);
    Theme t = index.resolve(id);
    if (t == null) {
      return Optional.empty();
    }
    List<Feedback> items = feedback.createdBetween(period.from(), period.until(), null);
    ThemeTrend trend = trends(index, period, items).of(t.id())
        .orElseGet(() -> new ThemeTrend(t.id(), null, 0, null, 0, null, 0, null, null, null, null, null, null, false));
    List<Feedback> mine = byTheme(index, items).getOrDefault(t.id(), List.of());
    List<ThemeItem> view = mine.stream()
        .sorted(Comparator.comparing(Feedback::createdAt).reversed().thenComparing(Feedback::id))
        .map(f -> new ThemeItem(f.id(), f.channel(), f.text(), f.author().name(), f.permalink(), f.createdAt(),
            f.enrichment().sentiment(), f.enrichment().sentimentLabel()))
        .toList();
    return Optional.of(new ThemeDetail(summary(t, trend, mine), view));
  }

  /** The shared trend rule over this period and the baseline periods before it. */
  private ThemeTrends.Result trends(ThemeIndex index, Period period, List<Feedback> items) {
    UnaryOperator<String> resolve = resolver(index);
    List<PeriodCounts> earlier = new ArrayList<>();
    Period p = period;
    for (int i = 0; i < rule.baselinePeriods(); i++) {
      p = p.previous();
      earlier.add(PeriodCounts.of(feedback.createdBetween(p.from(), p.until(), null), resolve, voice));
    }
    return rule.compute(PeriodCounts.of(items, resolve, voice), earlier);
  }

  private static UnaryOperator<String> resolver(ThemeIndex index) {
    return id -> {
      Theme t = index.resolve(id);
      return t == null ? null : t.id();
    };
  }

  /** The items that count (see {@link PeriodCounts#counts}) per resolved theme id. */
  private Map<String, List<Feedback>> byTheme(ThemeIndex index, List<Feedback> items) {
    UnaryOperator<String> resolve = resolver(index);
    Map<String, List<Feedback>> out = new HashMap<>();
    for (Feedback f : items) {
      String theme = PeriodCounts.counts(f, voice) && f.enrichment().themeId() != null
          ? resolve.apply(f.enrichment().themeId()) : null;
      if (theme != null) {
        out.computeIfAbsent(theme, k -> new ArrayList<>()).add(f);
      }
    }
    return out;
  }

  private static ThemeSummary summary(Theme t, ThemeTrend trend, List<Feedback> mine) {
    double sum = 0;
    int n = 0;
    for (Feedback f : mine) {
      if (f.enrichment().sentiment() != null) {
        sum += f.enrichment().sentiment();
        n++;
      }
    }
    return new ThemeSummary(t.id(), t.label(), t.terms(), trend.volume(), trend.previousVolume(),
        trend.status() == null ? null : trend.status().wire(), trend.share(), trend.previousShare(),
        trend.baselineShare(), trend.changeVsPrevious(), trend.changeVsBaseline(), trend.rateRatio(), trend.pValue(),
        trend.qValue(), trend.fastestRiser(), n == 0 ? null : sum / n, t.quotes(), t.createdAt());
  }
}
