package dev.listeningpost.digest.render;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Quote;
import java.util.List;

/**
 * HTML pieces sections build their rows from: table layout and inline CSS only, every value escaped,
 * only http(s) links. Colours keep contrast on white and in clients that invert for dark mode; every bar
 * has its number next to it in text, so nothing depends on colour or images.
 */
public final class Blocks {
  public static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
  public static final String MUTED = "color:#616e7c;";
  public static final String BAR = "#3b82f6";
  public static final String POS = "#16a34a";
  public static final String NEU = "#9ca3af";
  public static final String NEG = "#dc2626";
  private static final String LINK = "color:#2563eb;";

  private Blocks() {
  }

  /** A labelled number in a bar chart row. */
  public record Bar(String label, double value, String valueText) {
  }

  /** Opens a full-width row holding a nested table. */
  public static void open(StringBuilder b) {
    b.append("<tr><td style=\"padding:0 24px 8px 24px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
  }

  public static void close(StringBuilder b) {
    b.append("</table></td></tr>");
  }

  /** A row with escaped text, e.g. a note or a list entry. */
  public static void line(StringBuilder b, String text, boolean muted) {
    b.append("<tr><td style=\"padding:3px 0;font-size:13px;").append(muted ? MUTED : "").append("\">")
        .append(escape(text)).append("</td></tr>");
  }

  /** A row with HTML already escaped by the caller. */
  public static void rawLine(StringBuilder b, String html) {
    b.append("<tr><td style=\"padding:3px 0;font-size:13px;\">").append(html).append("</td></tr>");
  }

  /** Horizontal bars scaled to the largest value, each with its number as text. */
  public static void bars(StringBuilder b, List<Bar> rows, String color) {
    if (rows.isEmpty()) {
      return;
    }
    double max = rows.stream().mapToDouble(r -> Math.abs(r.value())).max().orElse(1);
    open(b);
    for (Bar r : rows) {
      b.append("<tr><td width=\"30%\" style=\"padding:3px 8px 3px 0;font-size:13px;\">").append(escape(r.label()))
          .append("</td><td style=\"padding:3px 0;\">");
      bar(b, max == 0 ? 0 : Math.abs(r.value()) / max, r.value() < 0 ? NEG : color);
      b.append("</td><td width=\"22%\" align=\"right\" style=\"padding:3px 0 3px 8px;font-size:13px;")
          .append("\">").append(escape(r.valueText())).append("</td></tr>");
    }
    close(b);
  }

  /** One bar: a coloured cell of {@code fraction} of the width. */
  public static void bar(StringBuilder b, double fraction, String color) {
    int pct = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    b.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
    if (pct > 0) {
      b.append("<td width=\"").append(pct).append("%\" bgcolor=\"").append(color).append("\" style=\"background:")
          .append(color).append(";height:12px;font-size:0;line-height:0;\">&nbsp;</td>");
    }
    if (pct < 100) {
      b.append("<td style=\"height:12px;font-size:0;line-height:0;\">&nbsp;</td>");
    }
    b.append("</tr></table>");
  }

  /** A link if {@code url} is a safe http(s) URL, else the escaped text alone. */
  public static String link(String text, String url) {
    String safe = Html.safeUrl(url);
    return safe == null ? escape(text)
        : "<a href=\"" + escape(safe) + "\" style=\"" + LINK + "\">" + escape(text) + "</a>";
  }

  /** A quote row: the text, then who, where, when (optional) and a view link. */
  public static void quote(StringBuilder b, Quote q, boolean showDate, String indent) {
    b.append("<tr><td style=\"padding:3px 0 3px ").append(indent).append(";\">").append(quoteHtml(q, showDate))
        .append("</td></tr>");
  }

  public static String quoteHtml(Quote q, boolean showDate) {
    StringBuilder b = new StringBuilder(512);
    b.append("<div style=\"border-left:3px solid #cbd2d9;padding:2px 0 2px 10px;\">")
        .append("<div style=\"font-size:14px;\">&ldquo;").append(escape(q.text())).append("&rdquo;</div>")
        .append("<div style=\"font-size:12px;").append(MUTED).append("\">&mdash; ").append(escape(q.author()));
    if (q.staff()) {
      b.append(" (staff)");
    }
    b.append(" &middot; ").append(escape(q.channel()));
    if (showDate && q.createdAt() != null) {
      b.append(" &middot; ").append(escape(Format.stamp(q.createdAt())));
    }
    if (q.sentiment() != null) {
      b.append(" &middot; ").append(escape(q.sentiment()));
    }
    String link = Html.safeUrl(q.permalink());
    if (link != null) {
      b.append(" &middot; <a href=\"").append(escape(link)).append("\" style=\"").append(LINK).append("\">view</a>");
    }
    b.append("</div></div>");
    return b.toString();
  }

  /** A quote in the text part: the message, then who, where, when and the link. */
  public static void textQuote(StringBuilder b, Quote q, String indent) {
    b.append(indent).append('"').append(q.text()).append("\"\n").append(indent).append("  - ").append(q.author())
        .append(q.staff() ? " (staff)" : "").append(", ").append(q.channel());
    if (q.createdAt() != null) {
      b.append(", ").append(Format.stamp(q.createdAt()));
    }
    String link = Html.safeUrl(q.permalink());
    if (link != null) {
      b.append(": ").append(link);
    }
    b.append('\n');
  }
}
