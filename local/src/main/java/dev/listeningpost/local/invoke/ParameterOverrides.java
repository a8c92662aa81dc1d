package dev.listeningpost.local.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --parameter-overrides} as the SAM CLI reads it: {@code Key=Value} pairs separated by
 * spaces, a value in double quotes may contain spaces ({@code DigestSchedule="cron(0 8 ? * MON *)"}),
 * and the long form {@code ParameterKey=K,ParameterValue=V} is accepted too.
 */
public final class ParameterOverrides {
  private ParameterOverrides() {
  }

  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : split(text)) {
      String kv = pair.startsWith("ParameterKey=") ? pair.substring("ParameterKey=".length())
          .replaceFirst(",ParameterValue=", "=") : pair;
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--parameter-overrides wants Key=Value pairs, got '" + pair + "'");
      }
      out.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return out;
  }

  /** Space-separated tokens; double quotes group (and are removed). */
  private static java.util.List<String> split(String text) {
    java.util.List<String> tokens = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          tokens.add(current.toString());
        }
        current.setLength(0);
        any = false;
      } else {
        current.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("--parameter-overrides has an unclosed double quote");
    }
    if (any) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
