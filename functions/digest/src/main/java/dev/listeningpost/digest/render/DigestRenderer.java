package dev.listeningpost.digest.render;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.sections.Detail;
import dev.listeningpost.digest.sections.SectionModel;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * Renders a digest as an email that survives real mail clients: the frame (header, headline,
 * footer) around the sections, which render themselves. Table layout, inline CSS only, no images,
 * fonts or scripts, and small enough that Gmail does not clip it at 102 KB: the renderer steps
 * down {@link Detail#LEVELS} until the HTML fits {@link #HTML_BUDGET_BYTES}.
 */
@Singleton
public class DigestRenderer {
  /** Gmail clips messages whose HTML exceeds 102 KB; keep a margin for headers and encoding. */
  public static final int HTML_BUDGET_BYTES = 90_000;

  public RenderedDigest render(Digest d) {
    String subject = subject(d);
    String html = null;
    String text = null;
    for (Detail level : Detail.LEVELS) {
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
    int n = d.headline().messages();
    String s = "Listening Post \u2014 week " + d.period().id() + ": " + n + (n == 1 ? " message" : " messages");
    if (d.headline().net() != null) {
      s += ", net sentiment " + Format.signed(d.headline().net());
    }
    return s;
  }

  /**
   * The inbox preview text (the hidden preheader; the text part's second line): the headline's sentence
   * naming the biggest change of the week.
   */
  public static String preheader(Digest d) {
    return d.headline().sentence();
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

  /** The email frame: header, headline, each section (title, note, its rows), footer. */
  String html(Digest d, String subject, Detail level) {
    StringBuilder b = new StringBuilder(32_768);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<meta name=\"color-scheme\" content=\"light dark\">")
        .append("<title>").append(escape(subject)).append("</title></head>")
        .append("<body style=\"margin:0;padding:0;background:#f4f5f7;\">")
        .append(preheaderHtml(preheader(d)));
    b.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"background:#f4f5f7;\"><tr><td align=\"center\" style=\"padding:24px 8px;\">")
        .append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
        .append("style=\"width:100%;max-width:640px;background:#ffffff;border:1px solid #e4e7eb;")
        .append(Blocks.FONT).append("color:#1f2933;font-size:14px;line-height:20px;\">");
    header(b, d);
    d.headline().html(b);
    for (SectionModel<?> s : d.sections()) {
      sectionTitle(b, s);
      s.html(level, b);
    }
    b.append("<tr><td style=\"padding:16px 24px 20px 24px;border-top:1px solid #e4e7eb;font-size:12px;")
        .append(Blocks.MUTED).append("\">Composed ").append(escape(Format.stamp(d.composedAt()))).append(" from ")
        .append(d.headline().messages()).append(" customer messages (staff and brand accounts left out).");
    if (d.headline().analyzed() < d.headline().messages()) {
      b.append(" Sentiment covers the ").append(d.headline().analyzed()).append(" analyzed so far.");
    }
    b.append("</td></tr></table></td></tr></table></body></html>");
    return b.toString();
  }

  private static void header(StringBuilder b, Digest d) {
    b.append("<tr><td style=\"padding:20px 24px 8px 24px;\">")
        .append("<div style=\"font-size:12px;letter-spacing:1px;text-transform:uppercase;").append(Blocks.MUTED)
        .append("\">Listening Post &middot; weekly digest</div>")
        .append("<h1 style=\"margin:4px 0 0 0;font-size:22px;line-height:28px;").append(Blocks.FONT).append("\">Week ")
        .append(escape(d.period().id())).append("</h1>")
        .append("<div style=\"").append(Blocks.MUTED).append("font-size:13px;\">")
        .append(escape(Format.DAY.format(d.period().firstDay()))).append(" &ndash; ")
        .append(escape(Format.DAY.format(d.period().lastDay()))).append(" (")
        .append(escape(d.period().zone().getId())).append(")</div></td></tr>");
  }

  private static void sectionTitle(StringBuilder b, SectionModel<?> s) {
    b.append("<tr><td id=\"").append(escape(s.key())).append("\" style=\"padding:16px 24px 6px 24px;\">")
        .append("<h2 style=\"margin:0;font-size:16px;line-height:22px;").append(Blocks.FONT).append("\">")
        .append(escape(s.title())).append("</h2>");
    String note = s.note();
    if (note != null && !note.isBlank()) {
      b.append("<div style=\"font-size:12px;").append(Blocks.MUTED).append("\">").append(escape(note)).append("</div>");
    }
    b.append("</td></tr>");
  }

  // ---------------------------------------------------------------- plain text

  String text(Digest d, String subject, Detail level) {
    StringBuilder b = new StringBuilder(8192);
    b.append(subject).append("\n").append(preheader(d)).append("\n\n");
    b.append("Week ").append(d.period().id()).append(": ").append(Format.DAY.format(d.period().firstDay()))
        .append(" - ").append(Format.DAY.format(d.period().lastDay())).append(" (").append(d.period().zone().getId())
        .append(")\n\n");
    d.headline().text(b);
    for (SectionModel<?> s : d.sections()) {
      b.append('\n').append(s.title()).append('\n').append("-".repeat(Math.min(60, s.title().length()))).append('\n');
      if (s.note() != null && !s.note().isBlank()) {
        b.append("  ").append(s.note()).append('\n');
      }
      s.text(level, b);
    }
    b.append("\nComposed ").append(Format.stamp(d.composedAt())).append(" from ").append(d.headline().messages())
        .append(" customer messages.\n");
    return b.toString();
  }
}
