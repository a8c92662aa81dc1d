package dev.listeningpost.digest.sections;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.trends.ThemeTrend;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last {@link #WEEKS} weeks at a glance: customer volume, net sentiment, member-to-member share
 * and the top themes' volumes. Column charts made of table cells with every number printed above its
 * bar: no images (nothing remote, nothing to block), readable with images off and in dark mode.
 */
@Singleton
public class ChartsSection implements DigestSection<ChartsSection.Model> {
  /** Weeks shown, this one included. */
  public static final int WEEKS = 8;
  static final int TOP_THEMES = 3;
  private static final int HEIGHT = 40;

  public record Model(List<Series> series) {
    public Model {
      series = List.copyOf(series);
    }
  }

  /**
   * One chart: a value per week, oldest first (null where the week has no data), with how to print it.
   *
   * @param percent values are fractions printed as percentages; else signed when {@code signed}, else counts
   */
  public record Series(String title, List<String> weeks, List<Double> values, boolean percent, boolean signed) {
    public Series {
      weeks = List.copyOf(weeks);
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    String print(Double v) {
      if (v == null) {
        return "\u2013";
      }
      return percent ? Format.percent(v) : signed ? Format.signed(v) : Long.toString(Math.round(v));
    }
  }

  @Override
  public String key() {
    return "charts";
  }

  @Override
  public int order() {
    return 800;
  }

  @Override
  public String title() {
    return "The last " + WEEKS + " weeks";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    List<PeriodSummary> past = d.history().subList(0, Math.min(d.history().size(), WEEKS - 1));
    if (past.isEmpty()) {
      return Optional.empty();
    }
    List<String> weeks = new ArrayList<>();
    for (int i = past.size() - 1; i >= 0; i--) {
      weeks.add(past.get(i).periodId());
    }
    weeks.add(d.period().id());
    List<Series> out = new ArrayList<>();
    out.add(series("Customer messages", weeks, past, h -> (double) h.messages(), (double) d.customers().size(),
        false, false));
    out.add(series("Net sentiment", weeks, past, PeriodSummary::net, d.sentiment().net(), false, true));
    CommunitySection.Model c = new CommunitySection().compute(d).orElse(null);
    out.add(series("Member-to-member share of replies", weeks, past, PeriodSummary::memberToMemberShare,
        c == null ? null : c.share(), true, false));
    List<PeriodCounts> themes = d.historyThemes();
    for (ThemeTrend t : d.trends().themes().stream().filter(t -> t.volume() > 0).limit(TOP_THEMES).toList()) {
      List<Double> values = new ArrayList<>();
      for (int i = past.size() - 1; i >= 0; i--) {
        values.add((double) themes.get(i).count(t.themeId()));
      }
      values.add((double) t.volume());
      out.add(new Series("Theme: " + d.themeName(t.themeId()), weeks, values, false, false));
    }
    return Optional.of(new Model(out));
  }

  private static Series series(String title, List<String> weeks, List<PeriodSummary> past,
                               java.util.function.Function<PeriodSummary, Double> value, Double now, boolean percent,
                               boolean signed) {
    List<Double> values = new ArrayList<>();
    for (int i = past.size() - 1; i >= 0; i--) {
      values.add(value.apply(past.get(i)));
    }
    values.add(now);
    return new Series(title, weeks, values, percent, signed);
  }

  @Override
  public String note(Model m) {
    return "Oldest week on the left, this week on the right.";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    // Theme charts go first when space runs out; the three headline series stay.
    int shown = detail.list() >= 4 ? m.series().size() : Math.min(3, m.series().size());
    for (Series s : m.series().subList(0, shown)) {
      b.append("<tr><td style=\"padding:6px 24px 2px 24px;font-size:13px;font-weight:bold;\">")
          .append(escape(s.title())).append("</td></tr>");
      column(b, s);
    }
  }

  private static void column(StringBuilder b, Series s) {
    double max = s.values().stream().filter(v -> v != null).mapToDouble(Math::abs).max().orElse(0);
    b.append("<tr><td style=\"padding:0 24px 4px 24px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"2\" border=\"0\" style=\"table-layout:fixed;\"><tr>");
    for (Double v : s.values()) {
      int h = v == null || max == 0 ? 0 : (int) Math.max(1, Math.round(Math.abs(v) / max * HEIGHT));
      String color = v != null && v < 0 ? Blocks.NEG : Blocks.BAR;
      b.append("<td valign=\"bottom\" align=\"center\" style=\"font-size:11px;line-height:14px;\">")
          .append(escape(s.print(v)));
      if (h > 0) {
        b.append("<div style=\"height:").append(h).append("px;background:").append(color)
            .append(";font-size:0;line-height:0;\">&nbsp;</div>");
      }
      b.append("</td>");
    }
    b.append("</tr><tr>");
    for (String w : s.weeks()) {
      b.append("<td align=\"center\" style=\"font-size:10px;").append(Blocks.MUTED).append("\">")
          .append(escape(shortWeek(w))).append("</td>");
    }
    b.append("</tr></table></td></tr>");
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    int shown = detail.list() >= 4 ? m.series().size() : Math.min(3, m.series().size());
    for (Series s : m.series().subList(0, shown)) {
      b.append("  ").append(s.title()).append(":");
      for (int i = 0; i < s.values().size(); i++) {
        b.append(i == 0 ? " " : ", ").append(shortWeek(s.weeks().get(i))).append(' ').append(s.print(s.values().get(i)));
      }
      b.append('\n');
    }
  }

  /** {@code 2026-W47} to {@code W47}. */
  static String shortWeek(String periodId) {
    int i = periodId.indexOf('W');
    return i < 0 ? periodId : periodId.substring(i);
  }
}
