package dev.listeningpost.digest.compose;

import dev.listeningpost.feedback.Feedback;

/** Builds short quotes from feedback items. */
public final class Quotes {
  /** A quote longer than this is cut at a word boundary and ends with an ellipsis. */
  public static final int MAX_CHARS = 280;
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private Quotes() {
  }

  public static Quote of(Feedback f) {
    return new Quote(shorten(f.text(), MAX_CHARS), f.author().name(), f.author().staff(), f.channel(),
        f.permalink(), f.createdAt(), f.enrichment() == null ? null : f.enrichment().sentimentLabel());
  }

  /** Collapses whitespace and cuts to at most {@code max} characters (code points kept whole). */
  public static String shorten(String text, int max) {
    String s = text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
    if (s.length() <= max) {
      return s;
    }
    int cut = max - 1;
    if (Character.isLowSurrogate(s.charAt(cut))) {
      cut--;
    }
    int space = s.lastIndexOf(' ', cut);
    if (space > max / 2) {
      cut = space;
    }
    return s.substring(0, cut).stripTrailing() + "\u2026";
  }
}
