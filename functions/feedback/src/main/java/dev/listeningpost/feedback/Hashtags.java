package dev.listeningpost.feedback;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts campaign hashtags from plain text. */
public final class Hashtags {
  // A hashtag starts after a non-word char, begins with a letter, and is not a URL fragment.
  private static final Pattern TAG = Pattern.compile("(?<![\\w/#&])#(\\p{L}[\\p{L}\\p{N}_]{1,63})");

  private Hashtags() {
  }

  public static List<String> in(String text) {
    if (text == null || text.indexOf('#') < 0) {
      return List.of();
    }
    Set<String> tags = new LinkedHashSet<>();
    Matcher m = TAG.matcher(text);
    while (m.find()) {
      tags.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return List.copyOf(tags);
  }
}
