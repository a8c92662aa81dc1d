package dev.listeningpost.ingest.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Secrets from environment variables (local mode): {@code SLACK_SIGNING_SECRET}, per source
 * {@code SLACK_ACME_SIGNING_SECRET}, and the previous value during a rotation with the suffix
 * {@code _PREVIOUS}. Names are upper-cased with every non-alphanumeric character turned into {@code _}.
 */
public final class EnvironmentSecretResolver implements SecretResolver {
  /** Compiled once: {@link #variable} runs on every verified request. */
  private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Z0-9]");

  private final Map<String, String> env;

  public EnvironmentSecretResolver(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static String variable(String channel, String source, String name) {
    String raw = channel + "_" + (source == null || source.isBlank() ? "" : source + "_") + name;
    return NOT_ALNUM.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("_");
  }

  @Override
  public List<String> lookup(String channel, String source, String name) {
    List<String> out = new ArrayList<>(2);
    if (source != null && !source.isBlank()) {
      add(out, variable(channel, source, name));
    }
    if (out.isEmpty()) {
      add(out, variable(channel, null, name));
    }
    return out;
  }

  private void add(List<String> out, String var) {
    String current = env.get(var);
    if (current != null && !current.isBlank()) {
      out.add(current);
      String previous = env.get(var + "_PREVIOUS");
      if (previous != null && !previous.isBlank()) {
        out.add(previous);
      }
    }
  }
}
