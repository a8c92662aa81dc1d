package dev.listeningpost.digest.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.listeningpost.digest.render.Html;
import dev.listeningpost.digest.send.OutgoingEmail;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * An alert as an email (HTML and text, the digest's kind of links: each quoted message links to its
 * source, the theme is named by its label) and as an SNS message in the custom-notification format of
 * Amazon Q Developer in chat applications (formerly AWS Chatbot), which any other subscriber reads as JSON.
 */
public final class AlertMessages {
  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private AlertMessages() {
  }

  /** {@code alert-{kind}-{subject}-{window}}: the email's reference (outbox file names, logs). */
  static String reference(Alert a) {
    return "alert-" + a.key().replace('#', '-');
  }

  public static OutgoingEmail email(Alert a, String from, String to) {
    return new OutgoingEmail(reference(a), from, to, "[Listening Post] " + a.title(), html(a), text(a));
  }

  /** When, in one phrase: {@code 17 Nov 2026 10:00 to 11:00 UTC}. */
  static String when(AlertWindow w) {
    String end = TIME.format(w.end());
    String start = TIME.format(w.start());
    boolean sameDay = start.substring(0, start.length() - 6).equals(end.substring(0, end.length() - 6));
    return start + " to " + (sameDay ? end.substring(end.length() - 5) : end) + " UTC";
  }

  static String text(Alert a) {
    StringBuilder b = new StringBuilder();
    b.append(a.title()).append("\n\n");
    b.append("Window: ").append(when(a.window())).append('\n');
    if (a.theme() != null) {
      b.append("Theme: ").append(a.theme()).append('\n');
    }
    b.append('\n');
    a.facts().forEach(f -> b.append("- ").append(f).append('\n'));
    if (!a.messages().isEmpty()) {
      b.append("\nMessages:\n");
      for (Alert.Message m : a.messages()) {
        b.append("- ").append(m.author()).append(" on ").append(m.channel()).append(": \"").append(m.text()).append("\"\n");
        String url = Html.safeUrl(m.permalink());
        if (url != null) {
          b.append("  ").append(url).append('\n');
        }
      }
    }
    b.append("\nAlert ").append(a.key()).append(". Each alert is sent once.\n");
    return b.toString();
  }

  static String html(Alert a) {
    StringBuilder b = new StringBuilder(2048);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(Html.escape(a.title())).append("</title></head>")
        .append("<body style=\"margin:0;padding:0;background:#f4f5f7;\">")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f5f7;\">")
        .append("<tr><td align=\"center\" style=\"padding:16px 8px;\">")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;")
        .append("background:#ffffff;border-radius:6px;font-family:Arial,Helvetica,sans-serif;color:#1f2328;\">")
        .append("<tr><td style=\"padding:20px 24px 8px 24px;\">")
        .append("<div style=\"font-size:12px;color:#b42318;text-transform:uppercase;letter-spacing:.04em;\">")
        .append(Html.escape(label(a.kind()))).append("</div>")
        .append("<h1 style=\"font-size:20px;line-height:1.3;margin:6px 0 4px 0;\">").append(Html.escape(a.title())).append("</h1>")
        .append("<div style=\"font-size:13px;color:#57606a;\">").append(Html.escape(when(a.window())));
    if (a.theme() != null) {
      b.append(" &middot; theme <strong>").append(Html.escape(a.theme())).append("</strong>");
    }
    b.append("</div></td></tr><tr><td style=\"padding:8px 24px;font-size:14px;line-height:1.5;\"><ul style=\"margin:0;padding-left:18px;\">");
    a.facts().forEach(f -> b.append("<li>").append(Html.escape(f)).append("</li>"));
    b.append("</ul></td></tr>");
    for (Alert.Message m : a.messages()) {
      String url = Html.safeUrl(m.permalink());
      b.append("<tr><td style=\"padding:8px 24px;\"><div style=\"border-left:3px solid #d0d7de;padding:4px 12px;font-size:14px;line-height:1.5;\">")
          .append("&ldquo;").append(Html.escape(m.text())).append("&rdquo;")
          .append("<div style=\"font-size:12px;color:#57606a;margin-top:4px;\">").append(Html.escape(m.author()))
          .append(" on ").append(Html.escape(m.channel()));
      if (url != null) {
        b.append(" &middot; <a href=\"").append(Html.escape(url)).append("\" style=\"color:#0969da;\">open the message</a>");
      }
      b.append("</div></div></td></tr>");
    }
    b.append("<tr><td style=\"padding:12px 24px 20px 24px;font-size:12px;color:#57606a;\">Alert ")
        .append(Html.escape(a.key())).append(". Each alert is sent once; at most a configured number per hour.</td></tr>")
        .append("</table></td></tr></table></body></html>");
    return b.toString();
  }

  /** The SNS message: a chat custom notification (markdown description, links in it), plus the alert's fields. */
  public static AlertNotification notification(Alert a) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("version", "1.0");
      g.writeStringField("source", "custom");
      g.writeStringField("id", a.key());
      g.writeObjectFieldStart("content");
      g.writeStringField("textType", "client-markdown");
      g.writeStringField("title", a.title());
      g.writeStringField("description", markdown(a));
      g.writeArrayFieldStart("keywords");
      g.writeString(a.kind().wire());
      if (a.theme() != null) {
        g.writeString(a.theme());
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("metadata");
      g.writeStringField("threadId", a.kind().wire() + "#" + a.subject());
      g.writeStringField("summary", a.title());
      g.writeStringField("eventType", a.kind().wire());
      g.writeObjectFieldStart("additionalContext");
      g.writeStringField("alertKey", a.key());
      g.writeStringField("kind", a.kind().wire());
      g.writeStringField("subject", a.subject());
      g.writeStringField("windowStart", a.window().start().toString());
      g.writeStringField("windowEnd", a.window().end().toString());
      if (a.theme() != null) {
        g.writeStringField("theme", a.theme());
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AlertNotification(a.key(), snsSubject(a.title()), out.toString(), Map.of("kind", a.kind().wire()));
  }

  private static String markdown(Alert a) {
    StringBuilder b = new StringBuilder();
    b.append(when(a.window()));
    if (a.theme() != null) {
      b.append(" \u00b7 theme *").append(a.theme()).append('*');
    }
    b.append('\n');
    a.facts().forEach(f -> b.append("\u2022 ").append(f).append('\n'));
    for (Alert.Message m : a.messages()) {
      String url = Html.safeUrl(m.permalink());
      b.append("> ").append(m.text()).append("\n\u2014 ").append(m.author()).append(" on ").append(m.channel());
      if (url != null) {
        b.append(" <").append(url).append("|open>");
      }
      b.append('\n');
    }
    return b.toString().strip();
  }

  /** SNS subjects are ASCII, one line, under 100 characters. */
  static String snsSubject(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
        .replace('\u201c', '"').replace('\u201d', '"').replace('\u00d7', 'x')
        .replaceAll("[^\\x20-\\x7E]", "").replaceAll("\\s+", " ").strip();
    return ascii.length() > 99 ? ascii.substring(0, 96) + "..." : ascii.isEmpty() ? "Listening Post alert" : ascii;
  }

  private static String label(AlertKind kind) {
    return switch (kind) {
      case KEY_ACCOUNT -> "Key account";
      case NEGATIVE_SPIKE -> "Negative spike";
      case THEME_RISING -> "Theme rising";
    };
  }
}
