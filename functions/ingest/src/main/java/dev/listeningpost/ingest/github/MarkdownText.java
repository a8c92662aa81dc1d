package dev.listeningpost.ingest.github;

import dev.listeningpost.ingest.HtmlText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub-flavoured Markdown to plain text: the words a person wrote, without syntax. Quoted lines
 * ({@code > ...}, usually someone else's words being answered) and HTML comments (issue templates'
 * instructions) are dropped; code keeps its content.
 */
public final class MarkdownText {
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern FENCE = Pattern.compile("^(```|~~~)[^\\n]*\\n(.*?)^\\1[ \\t]*$\\n?", Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern QUOTE_LINE = Pattern.compile("^[ \\t]{0,3}>.*$\\n?", Pattern.MULTILINE);
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]*\\)");
  private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]");
  private static final Pattern HEADING = Pattern.compile("^[ \\t]{0,3}#{1,6}[ \\t]+", Pattern.MULTILINE);
  private static final Pattern LIST = Pattern.compile("^[ \\t]*(?:[-*+]|\\d+[.)])[ \\t]+(?:\\[[ xX]\\][ \\t]+)?", Pattern.MULTILINE);
  private static final Pattern RULE = Pattern.compile("^[ \\t]*([-*_])([ \\t]*\\1){2,}[ \\t]*$", Pattern.MULTILINE);
  private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*_~])(\\*\\*|__|\\*|_|~~)(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*_~])");
  private static final Pattern CODE = Pattern.compile("`+([^`]+)`+");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  private MarkdownText() {
  }

  public static String plain(String markdown) {
    if (markdown == null || markdown.isEmpty()) {
      return "";
    }
    String s = markdown.replace("\r\n", "\n");
    s = COMMENT.matcher(s).replaceAll("");
    s = FENCE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    s = QUOTE_LINE.matcher(s).replaceAll("");
    s = IMAGE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    s = REF_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    s = RULE.matcher(s).replaceAll("");
    s = HEADING.matcher(s).replaceAll("");
    s = LIST.matcher(s).replaceAll("");
    s = CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    for (int i = 0; i < 2; i++) {
      s = EMPHASIS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    }
    s = TAG.matcher(s).replaceAll("");
    s = HtmlText.decode(s);
    return s.replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }
}
