package dev.listeningpost.digest.sections;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Polarity;
import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.Quotes;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.ThemeTrend;
import dev.listeningpost.feedback.trends.TrendStatus;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What customers talk about: themes by customer volume, and the themes whose share moved
 * significantly. Badges (new, growing, fading) only where the shared trend rule
 * ({@link dev.listeningpost.feedback.trends.ThemeTrends}, as in the read API) says so. Sentiment is
 * the read API's: the mean compound score of the theme's customer items.
 */
@Singleton
public class ThemesSection implements DigestSection<ThemesSection.Model> {
  /** At most this many quotes per theme, whatever the setting. */
  static final int MAX_QUOTES = 3;

  /**
   * @param ranked          the largest themes, by volume
   * @param moving          themes whose share changed significantly, largest change first
   * @param baselinePeriods periods the trend rule compares with
   */
  public record Model(List<Row> ranked, List<Row> moving, int baselinePeriods) {
  }

  /**
   * @param badge     NEW, GROWING or FADING when the rule says so, else null
   * @param sentiment mean compound score of its customer items (the read API's theme sentiment), null if none
   * @param netEffect net sentiment without the theme minus net sentiment with it, null if undefined
   * @param channels  channels it came from, most first
   */
  public record Row(String themeId, String label, long volume, Double share, Double baselineShare, TrendStatus badge,
                    boolean fastestRiser, Double sentiment, Double netEffect, List<String> channels,
                    List<Quote> quotes) {
    public Row {
      channels = List.copyOf(channels);
      quotes = List.copyOf(quotes);
    }
  }

  @Override
  public String key() {
    return "themes";
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public String title() {
    return "Themes";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    List<ThemeTrend> present = d.trends().themes().stream().filter(t -> t.volume() > 0).toList();
    if (present.isEmpty()) {
      return Optional.empty();
    }
    boolean hasBaseline = d.trends().baselineCustomers() > 0;
    Function<ThemeTrend, Row> row = t -> row(d, t, hasBaseline);
    List<Row> ranked = present.stream().limit(d.options().listLimit()).map(row).toList();
    List<Row> moving = present.stream().filter(t -> moves(d, t, hasBaseline))
        .sorted(Comparator.comparingDouble((ThemeTrend t) -> Math.abs(change(t))).reversed()
            .thenComparing(ThemeTrend::themeId))
        .limit(d.options().listLimit()).map(row).toList();
    return Optional.of(new Model(ranked, moving, d.trendRule().baselinePeriods()));
  }

  private static boolean moves(PeriodData d, ThemeTrend t, boolean hasBaseline) {
    return t.status() == TrendStatus.GROWING || t.status() == TrendStatus.FADING
        || (hasBaseline && d.trendRule().risesSignificantly(t));
  }

  private static double change(ThemeTrend t) {
    return t.changeVsBaseline() == null ? 0 : t.changeVsBaseline();
  }

  private static Row row(PeriodData d, ThemeTrend t, boolean hasBaseline) {
    List<Feedback> mine = d.themeItems(t.themeId());
    PeriodData.Sentiment s = PeriodData.Sentiment.of(mine);
    Double with = d.sentiment().net();
    Double without = d.sentiment().netWithout(s);
    TrendStatus badge = switch (t.status()) {
      case GROWING, FADING -> t.status();
      case NEW -> hasBaseline ? TrendStatus.NEW : null;
      default -> null;
    };
    Map<String, Long> channels = mine.stream()
        .collect(Collectors.groupingBy(Feedback::channel, LinkedHashMap::new, Collectors.counting()));
    List<String> byCount = channels.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    return new Row(t.themeId(), d.themeName(t.themeId()), t.volume(), t.share(),
        t.baselineVolume() == 0 ? null : t.baselineShare(), badge, t.fastestRiser(), s.mean(),
        with == null || without == null || s.analyzed() == 0 ? null : without - with, byCount,
        representative(mine, s, Math.min(MAX_QUOTES, d.options().quotes())));
  }

  /**
   * Quotes that say what most of the theme says: the majority polarity first, one per author, with
   * a link where possible, newest first.
   */
  static List<Quote> representative(List<Feedback> items, PeriodData.Sentiment s, int limit) {
    Polarity majority = s.analyzed() == 0 ? null
        : s.negative() >= s.positive() && s.negative() >= s.neutral() ? Polarity.NEGATIVE
        : s.positive() >= s.neutral() ? Polarity.POSITIVE : Polarity.NEUTRAL;
    List<Feedback> candidates = items.stream().filter(f -> !f.text().isBlank())
        .sorted(Comparator.comparing((Feedback f) -> Polarity.of(f) != majority)
            .thenComparing(f -> f.permalink() == null)
            .thenComparing(Comparator.comparing(Feedback::createdAt).reversed())
            .thenComparing(Feedback::id))
        .toList();
    Set<String> authors = new HashSet<>();
    List<Quote> out = new ArrayList<>();
    for (Feedback f : candidates) {
      if (out.size() >= limit) {
        break;
      }
      if (authors.add(f.channel() + ":" + f.author().name())) {
        out.add(Quotes.of(f));
      }
    }
    return out;
  }

  @Override
  public String note(Model m) {
    return "Customer messages by theme (staff and brand accounts never count). A badge only where the change in"
        + " share is significant against the previous " + m.baselinePeriods() + " weeks.";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    long max = m.ranked().stream().mapToLong(Row::volume).max().orElse(1);
    Blocks.open(b);
    m.ranked().stream().limit(detail.list()).forEach(r -> {
      b.append("<tr><td width=\"40%\" style=\"padding:6px 8px 2px 0;font-size:13px;font-weight:bold;\">")
          .append(escape(r.label())).append(badgeHtml(r)).append("</td><td style=\"padding:6px 0 2px 0;\">");
      Blocks.bar(b, r.volume() / (double) max, Blocks.BAR);
      b.append("</td><td width=\"14%\" align=\"right\" style=\"padding:6px 0 2px 8px;font-size:13px;\">")
          .append(r.volume()).append("</td></tr><tr><td colspan=\"3\" style=\"font-size:12px;").append(Blocks.MUTED)
          .append("\">").append(escape(details(r))).append("</td></tr>");
      r.quotes().stream().limit(detail.quotes()).forEach(q ->
          b.append("<tr><td colspan=\"3\" style=\"padding:2px 0 2px 12px;\">").append(Blocks.quoteHtml(q, false))
              .append("</td></tr>"));
    });
    Blocks.close(b);
    if (!m.moving().isEmpty()) {
      b.append("<tr><td style=\"padding:4px 24px 2px 24px;font-size:14px;font-weight:bold;\">Moving</td></tr>");
      Blocks.open(b);
      m.moving().stream().limit(detail.list()).forEach(r -> Blocks.rawLine(b, "<b>" + escape(r.label()) + "</b>"
          + badgeHtml(r) + " <span style=\"" + Blocks.MUTED + "\">" + escape(movement(r)) + "</span>"));
      Blocks.close(b);
    }
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    m.ranked().stream().limit(detail.list()).forEach(r -> {
      b.append("  ").append(r.label()).append(r.badge() == null ? "" : " [" + r.badge().wire() + "]").append(": ")
          .append(r.volume()).append(" (").append(details(r)).append(")\n");
      r.quotes().stream().limit(detail.quotes()).forEach(q -> Blocks.textQuote(b, q, "    "));
    });
    if (!m.moving().isEmpty()) {
      b.append("  Moving:\n");
      m.moving().stream().limit(detail.list()).forEach(r -> b.append("    ").append(r.label())
          .append(r.badge() == null ? "" : " [" + r.badge().wire() + "]").append(": ").append(movement(r))
          .append('\n'));
    }
  }

  private static String badgeHtml(Row r) {
    if (r.badge() == null) {
      return "";
    }
    String color = r.badge() == TrendStatus.FADING ? "#475569" : r.badge() == TrendStatus.NEW ? "#7c3aed" : "#b45309";
    return " <span style=\"font-size:11px;font-weight:bold;color:#ffffff;background:" + color
        + ";padding:1px 5px;\">" + r.badge().wire() + "</span>";
  }

  /** "12.0% of customer messages, usually 8.0%; sentiment -0.31; net sentiment +0.05 without it; slack, x". */
  static String details(Row r) {
    List<String> parts = new ArrayList<>();
    if (r.share() != null) {
      parts.add(Format.percent1(r.share()) + " of customer messages"
          + (r.baselineShare() == null ? "" : ", usually " + Format.percent1(r.baselineShare())));
    }
    if (r.sentiment() != null) {
      parts.add("sentiment " + Format.signed(r.sentiment()));
    }
    if (r.netEffect() != null) {
      parts.add("without it net sentiment would move " + Format.signed(r.netEffect()));
    }
    if (!r.channels().isEmpty()) {
      parts.add(String.join(", ", r.channels()));
    }
    return String.join("; ", parts);
  }

  static String movement(Row r) {
    String now = Format.percent1(r.share());
    return r.baselineShare() == null ? now + " of customer messages, none before"
        : now + " of customer messages vs " + Format.percent1(r.baselineShare()) + " usually"
        + (r.fastestRiser() ? " (fastest riser)" : "");
  }
}
