package dev.listeningpost.analyze.themes;

import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read side of themes for the API and the digest: per period, each theme's volume, trend against
 * the previous period, mean sentiment and quotes; and a theme's items. Volumes come from the items
 * themselves (the feedback table's byDay index: one Query per day, never a Scan); items carrying
 * the id of a theme that has since merged count for the theme it merged into.
 */
public class ThemeQueryService {
  private final ThemeStore themes;
  private final FeedbackStore feedback;

  public ThemeQueryService(ThemeStore themes, FeedbackStore feedback) {
    this.themes = themes;
    this.feedback = feedback;
  }

  /** One theme in a period. {@code sentiment} is the mean compound score of its items, null if none. */
  public record ThemeSummary(String id, String label, List<String> terms, long size, long previousSize, String trend,
                             Double sentiment, List<Quote> quotes, Instant firstSeen) {
  }

  /** One item of a theme. */
  public record ThemeItem(String id, String channel, String text, String author, String permalink, Instant createdAt,
                          Double sentiment, String sentimentLabel) {
  }

  /** A theme and its items in a period, newest first. */
  public record ThemeDetail(ThemeSummary theme, List<ThemeItem> items) {
  }

  /** Active themes with items in the period or the one before, by volume (largest first). */
  public List<ThemeSummary> themes(Period period) {
    ThemeIndex index = new ThemeIndex(themes.themes(), 1, 0);
    Map<String, List<Feedback>> current = byTheme(index, period);
    Map<String, List<Feedback>> previous = byTheme(index, period.previous());
    List<ThemeSummary> out = new ArrayList<>();
    for (Theme t : index.active()) {
      List<Feedback> now = current.getOrDefault(t.id(), List.of());
      List<Feedback> before = previous.getOrDefault(t.id(), List.of());
      if (now.isEmpty() && before.isEmpty()) {
        continue;
      }
      out.add(summary(t, now, before, period));
    }
    out.sort(Comparator.comparingLong(ThemeSummary::size).reversed().thenComparing(ThemeSummary::id));
    return out;
  }

  /** A theme (an id that merged resolves to its heir) and its items in the period. */
  public Optional<ThemeDetail> theme(String id, Period period) {
    ThemeIndex index = new ThemeIndex(themes.themes(), 1, 0);
    Theme t = index.resolve(id);
    if (t == null) {
      return Optional.empty();
    }
    List<Feedback> now = byTheme(index, period).getOrDefault(t.id(), List.of());
    List<Feedback> before = byTheme(index, period.previous()).getOrDefault(t.id(), List.of());
    List<ThemeItem> items = now.stream()
        .sorted(Comparator.comparing(Feedback::createdAt).reversed().thenComparing(Feedback::id))
        .map(f -> new ThemeItem(f.id(), f.channel(), f.text(), f.author().name(), f.permalink(), f.createdAt(),
            f.enrichment() == null ? null : f.enrichment().sentiment(),
            f.enrichment() == null ? null : f.enrichment().sentimentLabel()))
        .toList();
    return Optional.of(new ThemeDetail(summary(t, now, before, period), items));
  }

  private ThemeSummary summary(Theme t, List<Feedback> now, List<Feedback> before, Period period) {
    double sum = 0;
    int n = 0;
    for (Feedback f : now) {
      if (f.enrichment() != null && f.enrichment().sentiment() != null) {
        sum += f.enrichment().sentiment();
        n++;
      }
    }
    boolean isNew = t.createdAt() != null && period.contains(t.createdAt()) && before.isEmpty();
    return new ThemeSummary(t.id(), t.label(), t.terms(), now.size(), before.size(),
        Trend.of(now.size(), before.size(), isNew).wire(), n == 0 ? null : sum / n, t.quotes(), t.createdAt());
  }

  private Map<String, List<Feedback>> byTheme(ThemeIndex index, Period p) {
    Map<String, List<Feedback>> out = new HashMap<>();
    for (Feedback f : feedback.createdBetween(p.from(), p.until(), null)) {
      if (f.enrichment() == null || f.enrichment().themeId() == null) {
        continue;
      }
      Theme t = index.resolve(f.enrichment().themeId());
      if (t != null) {
        out.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(f);
      }
    }
    return out;
  }
}
