package dev.listeningpost.ingest.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slack mrkdwn to plain text: links, mentions, formatting and entity escapes. */
public final class SlackText {
  private static final Pattern ANGLE = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");
  private static final Pattern CODE_BLOCK = Pattern.compile("```(.*?)```", Pattern.DOTALL);
  // Compiled once: String.replaceAll compiles its pattern on every call, and this runs per message.
  private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
  private static final Pattern INLINE = Pattern.compile("(?<![\\w*_~`])([*_~`])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*_~`])");

  private SlackText() {
  }

  public static String plain(String mrkdwn) {
    if (mrkdwn == null) {
      return "";
    }
    String s = CODE_BLOCK.matcher(mrkdwn).replaceAll(m -> Matcher.quoteReplacement(m.group(1).strip()));
    Matcher m = ANGLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(angle(m.group(1), m.group(2))));
    }
    m.appendTail(out);
    s = out.toString();
    for (int i = 0; i < 3; i++) {
      s = INLINE.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(2)));
    }
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    return BLANK_LINES.matcher(BLANKS.matcher(s).replaceAll(" ")).replaceAll("\n\n").strip();
  }

  private static String angle(String target, String label) {
    if (target.startsWith("@")) {
      return "@" + (label != null && !label.isBlank() ? label : target.substring(1));
    }
    if (target.startsWith("#")) {
      return "#" + (label != null && !label.isBlank() ? label : target.substring(1));
    }
    if (target.startsWith("!")) {
      // <!here>, <!channel>, <!subteam^ID|@team>
      if (label != null && !label.isBlank()) {
        return label;
      }
      String t = target.substring(1);
      int caret = t.indexOf('^');
      return "@" + (caret > 0 ? t.substring(0, caret) : t);
    }
    if (label != null && !label.isBlank()) {
      return label;
    }
    return target.startsWith("mailto:") ? target.substring(7) : target;
  }
}
