package dev.listeningpost.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML to plain text for channels that send rendered markup (Discourse "cooked", Intercom and
 * Zendesk bodies). Regex-based on purpose: the input is a short, platform-generated fragment, and a
 * full HTML parser would add weight to the ingest function's cold start.
 */
public final class HtmlText {
  private static final Pattern DROP = Pattern.compile(
      "<(script|style|template|head)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  // Discourse wraps quoted posts in <aside class="quote">; the quoted words are someone else's.
  private static final Pattern QUOTE = Pattern.compile(
      "<aside\\b[^>]*class=\"[^\"]*quote[^\"]*\"[^>]*>.*?</aside\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern IMG_ALT = Pattern.compile("<img\\b[^>]*\\balt=\"([^\"]*)\"[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BREAK = Pattern.compile(
      "<(br|/p|/div|/li|/h[1-6]|/blockquote|/pre|/tr)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BULLET = Pattern.compile("<li\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
      "apos", "'", "nbsp", " ", "hellip", "...", "mdash", "-", "ndash", "-", "rsquo", "'");

  private HtmlText() {
  }

  public static String plain(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    String s = COMMENT.matcher(html).replaceAll("");
    s = DROP.matcher(s).replaceAll("");
    s = QUOTE.matcher(s).replaceAll("");
    // Emoji images keep their meaning through alt text (":smile:" in Discourse).
    s = IMG_ALT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    s = BREAK.matcher(s).replaceAll("\n");
    s = BULLET.matcher(s).replaceAll("- ");
    s = TAG.matcher(s).replaceAll("");
    s = decode(s);
    return s.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n ?", "\n")
        .replaceAll("\\n{3,}", "\n\n").strip();
  }

  /** Decodes character references (named, decimal, hex); unknown ones are kept as written. */
  public static String decode(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r;
      if (e.startsWith("#x") || e.startsWith("#X")) {
        r = codePoint(Integer.parseInt(e.substring(2), 16), m.group());
      } else if (e.startsWith("#")) {
        r = codePoint(Integer.parseInt(e.substring(1)), m.group());
      } else {
        r = NAMED.getOrDefault(e.toLowerCase(java.util.Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(r));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int cp, String original) {
    return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : original;
  }
}
