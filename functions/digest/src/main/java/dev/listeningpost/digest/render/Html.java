package dev.listeningpost.digest.render;

import java.net.URI;
import java.util.Locale;

/** HTML escaping and link sanitizing for email bodies. */
public final class Html {
  private Html() {
  }

  /** Escapes text for element content and quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * The link if it is an absolute http(s) URL, else null: feedback text and permalinks come
   * from outside, and a {@code javascript:} or {@code data:} link must never reach an inbox.
   */
  public static String safeUrl(String url) {
    if (url == null || url.isBlank() || url.length() > 2048) {
      return null;
    }
    try {
      URI u = URI.create(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null ? u.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
