package dev.listeningpost.digest.render;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.Digest.Advocate;
import dev.listeningpost.digest.compose.Digest.Highlight;
import dev.listeningpost.digest.compose.Digest.Share;
import dev.listeningpost.digest.compose.Digest.ThemeSummary;
import dev.listeningpost.feedback.trends.ThemeTrend;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.trends.TrendStatus;
import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.Section;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a digest as an email that survives real mail clients: table layout, inline CSS only,
 * no images, fonts or scripts (charts are CSS bar tables, so nothing depends on fonts being
 * installed where it runs), and small enough that Gmail does not clip it at 102 KB.
 */
@Singleton
public class DigestRenderer {
  /** Gmail clips messages whose HTML exceeds 102 KB; keep a margin for headers and encoding. */
  public static final int HTML_BUDGET_BYTES = 90_000;

  private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
  private static final String MUTED = "color:#616e7c;";
  private static final String BAR = "#3b82f6";
  private static final String POS = "#16a34a";
  private static final String NEU = "#9ca3af";
  private static final String NEG = "#dc2626";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** How much detail fits: the renderer steps down until the HTML is within budget. */
  private record Detail(int quotes, int list, int themeQuotes) {
  }

  private static final List<Detail> LEVELS = List.of(
      new Detail(8, 8, 2), new Detail(5, 5, 1), new Detail(3, 3, 0), new Detail(1, 1, 0));

  public RenderedDigest render(Digest d) {
    String subject = subject(d);
    String html = null;
    String text = null;
    for (Detail level : LEVELS) {
      html = html(d, subject, level);
      text = text(d, subject, level);
      if (html.getBytes(StandardCharsets.UTF_8).length <= HTML_BUDGET_BYTES) {
        break;
      }
    }
    return new RenderedDigest(subject, html, text);
  }

  /** e.g. {@code Listening Post — week 2026-W47: 128 messages, net sentiment +0.21}. */
  public static String subject(Digest d) {
    int n = d.volume().total();
    String s = "Listening Post \u2014 week " + d.period().id() + ": " + n + (n == 1 ? " message" : " messages");
    if (d.sentiment().net() != null) {
      s += ", net sentiment " + signed(d.sentiment().net());
    }
    return s;
  }

  /**
   * The inbox preview text (the hidden preheader; the text part's first line): one sentence about the week.
   * The single hook for it: the headline's own sentence replaces this once the digest provides one.
   */
  public static String preheader(Digest d) {
    int n = d.volume().total();
    StringBuilder s = new StringBuilder(160).append(n).append(n == 1 ? " message" : " messages");
    Double change = d.volume().change();
    if (change != null) {
      s.append(" (").append(change >= 0 ? "+" : "").append(Math.round(change * 100)).append("% vs the week before)");
    }
    if (d.sentiment().net() != null) {
      s.append(", net sentiment ").append(signed(d.sentiment().net()));
    }
    if (d.unanswered().total() > 0) {
      s.append(", ").append(d.unanswered().total()).append(" waiting for an answer");
    }
    d.fastestRiser().ifPresent(t -> s.append("; fastest riser: ").append(themeName(t)));
    return s.append('.').toString();
  }

  /**
   * Hidden in the body, shown by inbox lists next to the subject. The filler after it keeps clients from
   * running on into the body's first words ("Listening Post · weekly digest Week ...").
   */
  private static String preheaderHtml(String text) {
    return "<div style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;"
        + "overflow:hidden;mso-hide:all;color:#f4f5f7;\">" + escape(text) + "&#8199;&#847;".repeat(60) + "</div>";
  }

  // ---------------------------------------------------------------- HTML

  private String html(Digest d, String subject, Detail level) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>").append(escape(subject)).append("</title></head>")
        .append("<body style=\"margin:0;padding:0;background:#f4f5f7;\">")
        .append(preheaderHtml(preheader(d)))
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"background:#f4f5f7;\"><tr><td align=\"center\" style=\"padding:24px 8px;\">")
        .append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"width:100%;max-width:640px;background:#ffffff;border:1px solid #e4e7eb;")
        .append(FONT).append("color:#1f2933;font-size:14px;line-height:20px;\">");

    // Header
    b.append("<tr><td style=\"padding:20px 24px 8px 24px;\">")
        .append("<div style=\"font-size:12px;letter-spacing:1px;text-transform:uppercase;").append(MUTED)
        .append("\">Listening Post &middot; weekly digest</div>")
        .append("<h1 style=\"margin:4px 0 0 0;font-size:22px;line-height:28px;").append(FONT).append("\">Week ")
        .append(escape(d.period().id())).append("</h1>")
        .append("<div style=\"").append(MUTED).append("font-size:13px;\">")
        .append(escape(DAY.format(d.period().firstDay()))).append(" &ndash; ")
        .append(escape(DAY.format(d.period().lastDay()))).append(" (")
        .append(escape(d.period().zone().getId())).append(")</div></td></tr>");

    kpis(b, d);
    if (d.volume().total() == 0) {
      section(b, "Nothing this week", null);
      b.append("<tr><td style=\"padding:0 24px 16px 24px;\">No feedback arrived in this period.</td></tr>");
    }
    if (!d.channels().isEmpty()) {
      section(b, "Channels", null);
      bars(b, d.channels(), Integer.MAX_VALUE);
    }
    sentimentBar(b, d);
    if (!d.themes().isEmpty()) {
      section(b, "Themes", "Customer messages by theme this week. Growing or fading only when the change in"
          + " share is significant against the previous " + ThemeTrends.DEFAULT.baselinePeriods() + " weeks."
          + d.fastestRiser().map(t -> " " + riserNote(t)).orElse(""));
      themes(b, d.themes(), level);
    }
    if (d.community().replies() > 0) {
      section(b, "Community vs audience", communityNote(d));
      Digest.Community c = d.community();
      bars(b, List.of(
          new Share("Member replies", c.memberReplies(), c.memberReplies() / (double) c.replies()),
          new Share("Staff replies", c.staffReplies(), c.staffReplies() / (double) c.replies())), 2);
    }
    if (d.unanswered().total() > 0) {
      section(b, "Waiting for an answer", d.unanswered().total() + (d.unanswered().total() == 1
          ? " member has" : " members have") + " had no reply past the SLA. Oldest first.");
      quotes(b, d.unanswered().oldest(), level.list(), true);
      more(b, d.unanswered().total(), Math.min(level.list(), d.unanswered().oldest().size()));
    }
    if (!d.advocates().isEmpty()) {
      section(b, "Top advocates", "Members who answered others most and wrote most.");
      advocates(b, d.advocates(), level.list());
    }
    if (!d.whatWorked().isEmpty()) {
      section(b, "What worked", "Staff posts ranked by the member replies they drew.");
      highlights(b, d.whatWorked(), level.list());
    }
    if (!d.hashtags().isEmpty()) {
      section(b, "Hashtags", null);
      bars(b, d.hashtags(), level.list());
    }
    for (Section s : d.extras()) {
      section(b, s.title(), s.note());
      bars(b, s.bars(), level.list());
      quotes(b, s.quotes(), level.quotes(), false);
    }
    if (!d.quotes().isEmpty()) {
      section(b, "Latest from the community", null);
      quotes(b, d.quotes(), level.quotes(), false);
    }
    b.append("<tr><td style=\"padding:16px 24px 20px 24px;border-top:1px solid #e4e7eb;font-size:12px;")
        .append(MUTED).append("\">Composed ").append(escape(STAMP.format(d.composedAt()))).append(" from ")
        .append(d.volume().total()).append(" messages.");
    if (d.sentiment().analyzed() < d.volume().total()) {
      b.append(" Sentiment covers the ").append(d.sentiment().analyzed()).append(" analyzed so far.");
    }
    b.append("</td></tr></table></td></tr></table></body></html>");
    return b.toString();
  }

  private static void kpis(StringBuilder b, Digest d) {
    b.append("<tr><td style=\"padding:8px 16px 8px 16px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"8\" border=\"0\"><tr>");
    kpi(b, "Messages", Integer.toString(d.volume().total()), trend(d.volume()));
    Digest.Sentiment s = d.sentiment();
    kpi(b, "Net sentiment", s.net() == null ? "&ndash;" : escape(signed(s.net())),
        s.net() == null ? "not analyzed yet" : s.analyzed() + " analyzed");
    Digest.Community c = d.community();
    kpi(b, "Member replies", c.memberShare() == null ? "&ndash;" : percent(c.memberShare()),
        c.replies() + (c.replies() == 1 ? " reply" : " replies"));
    b.append("</tr></table></td></tr>");
  }

  private static void kpi(StringBuilder b, String label, String valueHtml, String note) {
    b.append("<td width=\"33%\" valign=\"top\" style=\"background:#f8fafc;border:1px solid #e4e7eb;padding:10px;\">")
        .append("<div style=\"font-size:12px;").append(MUTED).append("\">").append(escape(label)).append("</div>")
        .append("<div style=\"font-size:24px;line-height:30px;font-weight:bold;\">").append(valueHtml).append("</div>")
        .append("<div style=\"font-size:12px;").append(MUTED).append("\">").append(escape(note)).append("</div></td>");
  }

  private static void section(StringBuilder b, String title, String note) {
    b.append("<tr><td style=\"padding:16px 24px 6px 24px;\"><h2 style=\"margin:0;font-size:16px;line-height:22px;")
        .append(FONT).append("\">").append(escape(title)).append("</h2>");
    if (note != null && !note.isBlank()) {
      b.append("<div style=\"font-size:12px;").append(MUTED).append("\">").append(escape(note)).append("</div>");
    }
    b.append("</td></tr>");
  }

  /** A horizontal bar chart as a table: label, bar scaled to the largest value, count. */
  private static void bars(StringBuilder b, List<Share> rows, int limit) {
    if (rows.isEmpty()) {
      return;
    }
    int max = rows.stream().mapToInt(Share::count).max().orElse(1);
    b.append("<tr><td style=\"padding:0 24px 8px 24px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
    rows.stream().limit(limit).forEach(r -> {
      b.append("<tr><td width=\"32%\" style=\"padding:3px 8px 3px 0;font-size:13px;\">").append(escape(r.label()))
          .append("</td><td style=\"padding:3px 0;\">");
      bar(b, max == 0 ? 0 : r.count() / (double) max, BAR);
      b.append("</td><td width=\"18%\" align=\"right\" style=\"padding:3px 0 3px 8px;font-size:13px;white-space:nowrap;\">")
          .append(r.count()).append(" <span style=\"").append(MUTED).append("\">").append(percent(r.fraction()))
          .append("</span></td></tr>");
    });
    b.append("</table></td></tr>");
  }

  private static void bar(StringBuilder b, double fraction, String color) {
    int pct = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    b.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
    if (pct > 0) {
      b.append("<td width=\"").append(pct).append("%\" style=\"background:").append(color)
          .append(";height:12px;font-size:0;line-height:0;\">&nbsp;</td>");
    }
    if (pct < 100) {
      b.append("<td style=\"height:12px;font-size:0;line-height:0;\">&nbsp;</td>");
    }
    b.append("</tr></table>");
  }

  private static void sentimentBar(StringBuilder b, Digest d) {
    Digest.Sentiment s = d.sentiment();
    if (s.analyzed() == 0) {
      return;
    }
    section(b, "Sentiment", s.positive() + " positive, " + s.neutral() + " neutral, " + s.negative()
        + " negative of " + s.analyzed() + " analyzed.");
    b.append("<tr><td style=\"padding:0 24px 8px 24px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
    int[] counts = {s.positive(), s.neutral(), s.negative()};
    String[] colors = {POS, NEU, NEG};
    for (int i = 0; i < 3; i++) {
      int pct = (int) Math.round(100.0 * counts[i] / s.analyzed());
      if (pct > 0) {
        b.append("<td width=\"").append(pct).append("%\" style=\"background:").append(colors[i])
            .append(";height:14px;font-size:0;line-height:0;\">&nbsp;</td>");
      }
    }
    b.append("</tr></table></td></tr>");
  }

  private static void themes(StringBuilder b, List<ThemeSummary> themes, Detail level) {
    int max = themes.stream().mapToInt(ThemeSummary::count).max().orElse(1);
    b.append("<tr><td style=\"padding:0 24px 8px 24px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
    themes.stream().limit(level.list()).forEach(t -> {
      b.append("<tr><td width=\"32%\" style=\"padding:6px 8px 2px 0;font-size:13px;font-weight:bold;\">")
          .append(escape(themeName(t))).append("</td><td style=\"padding:6px 0 2px 0;\">");
      bar(b, t.count() / (double) max, BAR);
      b.append("</td><td width=\"18%\" align=\"right\" style=\"padding:6px 0 2px 8px;font-size:13px;white-space:nowrap;\">")
          .append(t.count()).append(" <span style=\"").append(MUTED).append("\">")
          .append(escape(t.status() == null ? "" : t.status().wire())).append("</span></td></tr>");
      // The right column stays one word; shares and sentiment go on the muted line below.
      List<String> notes = new java.util.ArrayList<>();
      shareNote(t).ifPresent(notes::add);
      if (t.net() != null) {
        notes.add("net sentiment " + signed(t.net()));
      }
      if (!notes.isEmpty()) {
        b.append("<tr><td colspan=\"3\" style=\"font-size:12px;").append(MUTED).append("\">")
            .append(escape(String.join("; ", notes))).append("</td></tr>");
      }
      t.quotes().stream().limit(level.themeQuotes()).forEach(q ->
          b.append("<tr><td colspan=\"3\" style=\"padding:2px 0 2px 12px;\">").append(quoteHtml(q, false))
              .append("</td></tr>"));
    });
    b.append("</table></td></tr>");
  }

  private static void quotes(StringBuilder b, List<Quote> quotes, int limit, boolean showAge) {
    if (quotes.isEmpty()) {
      return;
    }
    b.append("<tr><td style=\"padding:0 24px 8px 24px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
    quotes.stream().limit(limit).forEach(q ->
        b.append("<tr><td style=\"padding:4px 0;\">").append(quoteHtml(q, showAge)).append("</td></tr>"));
    b.append("</table></td></tr>");
  }

  private static String quoteHtml(Quote q, boolean showDate) {
    StringBuilder b = new StringBuilder(512);
    b.append("<div style=\"border-left:3px solid #cbd2d9;padding:4px 0 4px 10px;\">")
        .append("<div style=\"font-size:14px;\">&ldquo;").append(escape(q.text())).append("&rdquo;</div>")
        .append("<div style=\"font-size:12px;").append(MUTED).append("\">&mdash; ").append(escape(q.author()));
    if (q.staff()) {
      b.append(" (staff)");
    }
    b.append(" &middot; ").append(escape(q.channel()));
    if (showDate && q.createdAt() != null) {
      b.append(" &middot; ").append(escape(STAMP.format(q.createdAt())));
    }
    if (q.sentiment() != null) {
      b.append(" &middot; ").append(escape(q.sentiment()));
    }
    String link = Html.safeUrl(q.permalink());
    if (link != null) {
      b.append(" &middot; <a href=\"").append(escape(link)).append("\" style=\"color:#2563eb;\">view</a>");
    }
    b.append("</div></div>");
    return b.toString();
  }

  private static void advocates(StringBuilder b, List<Advocate> advocates, int limit) {
    b.append("<tr><td style=\"padding:0 24px 8px 24px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
    advocates.stream().limit(limit).forEach(a -> {
      String link = Html.safeUrl(a.permalink());
      b.append("<tr><td style=\"padding:3px 0;font-size:13px;\">");
      if (link != null) {
        b.append("<a href=\"").append(escape(link)).append("\" style=\"color:#2563eb;\">")
            .append(escape(a.name())).append("</a>");
      } else {
        b.append(escape(a.name()));
      }
      b.append(" <span style=\"").append(MUTED).append("\">").append(escape(a.channel())).append("</span></td>")
          .append("<td align=\"right\" style=\"padding:3px 0;font-size:13px;").append(MUTED).append("\">")
          .append(escape(advocateNote(a))).append("</td></tr>");
    });
    b.append("</table></td></tr>");
  }

  private static void highlights(StringBuilder b, List<Highlight> highlights, int limit) {
    b.append("<tr><td style=\"padding:0 24px 8px 24px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
    highlights.stream().limit(limit).forEach(h ->
        b.append("<tr><td style=\"padding:4px 0;\">").append(quoteHtml(h.quote(), false))
            .append("<div style=\"font-size:12px;padding-left:13px;").append(MUTED).append("\">")
            .append(h.memberReplies()).append(h.memberReplies() == 1 ? " member reply" : " member replies")
            .append("</div></td></tr>"));
    b.append("</table></td></tr>");
  }

  private static void more(StringBuilder b, int total, int shown) {
    if (total > shown) {
      b.append("<tr><td style=\"padding:0 24px 8px 24px;font-size:12px;").append(MUTED).append("\">and ")
          .append(total - shown).append(" more</td></tr>");
    }
  }

  // ---------------------------------------------------------------- plain text

  private String text(Digest d, String subject, Detail level) {
    StringBuilder b = new StringBuilder(4096);
    b.append(subject).append("\n").append(preheader(d)).append("\n\n");
    b.append("Week ").append(d.period().id()).append(": ").append(DAY.format(d.period().firstDay())).append(" - ")
        .append(DAY.format(d.period().lastDay())).append(" (").append(d.period().zone().getId()).append(")\n\n");
    b.append("Messages: ").append(d.volume().total()).append(" (").append(trend(d.volume())).append(")\n");
    Digest.Sentiment s = d.sentiment();
    b.append("Net sentiment: ").append(s.net() == null ? "not analyzed yet" : signed(s.net()) + " ("
        + s.positive() + " positive, " + s.neutral() + " neutral, " + s.negative() + " negative of "
        + s.analyzed() + " analyzed)").append('\n');
    if (d.community().memberShare() != null) {
      b.append("Member replies: ").append(percent(d.community().memberShare())).append(" of ")
          .append(d.community().replies()).append(" replies: ").append(communityNote(d)).append('\n');
    }
    if (!d.channels().isEmpty()) {
      textHeading(b, "Channels");
      d.channels().forEach(c -> b.append("  ").append(c.label()).append(": ").append(c.count()).append(" (")
          .append(percent(c.fraction())).append(")\n"));
    }
    if (!d.themes().isEmpty()) {
      textHeading(b, "Themes");
      d.fastestRiser().ifPresent(t -> b.append("  ").append(riserNote(t)).append('\n'));
      d.themes().stream().limit(level.list()).forEach(t -> {
        b.append("  ").append(themeName(t)).append(": ").append(t.count()).append(" (").append(themeTrend(t));
        if (t.net() != null) {
          b.append(", net sentiment ").append(signed(t.net()));
        }
        b.append(")\n");
        t.quotes().stream().limit(level.themeQuotes()).forEach(q -> textQuote(b, q, "    "));
      });
    }
    if (d.unanswered().total() > 0) {
      textHeading(b, "Waiting for an answer (" + d.unanswered().total() + ")");
      d.unanswered().oldest().stream().limit(level.list()).forEach(q -> textQuote(b, q, "  "));
    }
    if (!d.advocates().isEmpty()) {
      textHeading(b, "Top advocates");
      d.advocates().stream().limit(level.list()).forEach(a -> b.append("  ").append(a.name()).append(" (")
          .append(a.channel()).append("): ").append(advocateNote(a))
          .append(Html.safeUrl(a.permalink()) == null ? "" : " " + Html.safeUrl(a.permalink())).append('\n'));
    }
    if (!d.whatWorked().isEmpty()) {
      textHeading(b, "What worked");
      d.whatWorked().stream().limit(level.list()).forEach(h -> {
        textQuote(b, h.quote(), "  ");
        b.append("    ").append(h.memberReplies()).append(" member replies\n");
      });
    }
    if (!d.hashtags().isEmpty()) {
      textHeading(b, "Hashtags");
      d.hashtags().stream().limit(level.list()).forEach(h -> b.append("  #").append(h.label()).append(": ")
          .append(h.count()).append('\n'));
    }
    for (Section sec : d.extras()) {
      textHeading(b, sec.title());
      if (sec.note() != null) {
        b.append("  ").append(sec.note()).append('\n');
      }
      sec.bars().stream().limit(level.list()).forEach(r -> b.append("  ").append(r.label()).append(": ")
          .append(r.count()).append('\n'));
      sec.quotes().stream().limit(level.quotes()).forEach(q -> textQuote(b, q, "  "));
    }
    if (!d.quotes().isEmpty()) {
      textHeading(b, "Latest from the community");
      d.quotes().stream().limit(level.quotes()).forEach(q -> textQuote(b, q, "  "));
    }
    b.append("\nComposed ").append(STAMP.format(d.composedAt())).append(".\n");
    return b.toString();
  }

  private static void textHeading(StringBuilder b, String title) {
    b.append('\n').append(title).append('\n').append("-".repeat(Math.min(60, title.length()))).append('\n');
  }

  private static void textQuote(StringBuilder b, Quote q, String indent) {
    b.append(indent).append('"').append(q.text()).append("\"\n").append(indent).append("  - ").append(q.author())
        .append(q.staff() ? " (staff)" : "").append(", ").append(q.channel());
    if (q.createdAt() != null) {
      b.append(", ").append(STAMP.format(q.createdAt()));
    }
    String link = Html.safeUrl(q.permalink());
    if (link != null) {
      b.append(": ").append(link);
    }
    b.append('\n');
  }

  // ---------------------------------------------------------------- wording

  private static String trend(Digest.Volume v) {
    Double change = v.change();
    if (change == null) {
      return v.total() == 0 ? "none the week before either" : "none the week before";
    }
    return (change >= 0 ? "+" : "") + Math.round(change * 100) + "% vs " + v.previousTotal() + " the week before";
  }

  /**
   * The trend as the shared rule decided it: "growing" / "fading" only when significant, with the
   * theme's share of customer messages now and usually (the baseline weeks).
   */
  static String themeTrend(ThemeSummary t) {
    ThemeTrend tr = t.trend();
    if (tr == null || tr.status() == null) {
      return "";
    }
    String now = tr.share() == null ? "" : percent1(tr.share());
    return switch (tr.status()) {
      case NEW -> "new";
      case GROWING, FADING -> tr.status().wire() + ", " + now + " vs " + percent1(tr.baselineShare()) + " usually";
      case STEADY -> "steady, " + now;
      case GONE -> "gone";
    };
  }

  /** "40.0% of customer messages, usually 10.0%" (usual = the baseline weeks' pooled share). */
  private static java.util.Optional<String> shareNote(ThemeSummary t) {
    ThemeTrend tr = t.trend();
    if (tr == null || tr.share() == null) {
      return java.util.Optional.empty();
    }
    String usual = tr.baselineShare() == null || tr.status() == TrendStatus.NEW ? ""
        : ", usually " + percent1(tr.baselineShare());
    return java.util.Optional.of(percent1(tr.share()) + " of customer messages" + usual);
  }

  /** Percent with one decimal, e.g. 4.0%. */
  private static String percent1(Double f) {
    return f == null ? "?" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * f);
  }

  private static String riserNote(ThemeSummary t) {
    return "Fastest riser: " + themeName(t) + " (" + t.count() + " messages, " + themeTrend(t) + ").";
  }

  private static String themeName(ThemeSummary t) {
    return t.label() != null && !t.label().isBlank() ? t.label() : "Theme " + t.themeId();
  }

  private static String communityNote(Digest d) {
    Digest.Community c = d.community();
    return c.memberReplies() + " by members, " + c.staffReplies() + " by staff; "
        + c.membersHelpingMembers() + " member-to-member";
  }

  private static String advocateNote(Advocate a) {
    String s = a.messages() + (a.messages() == 1 ? " message" : " messages") + ", " + a.repliesToOthers()
        + (a.repliesToOthers() == 1 ? " reply to others" : " replies to others");
    return a.averageSentiment() == null ? s : s + ", sentiment " + signed(a.averageSentiment());
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.2f", v);
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }
}
