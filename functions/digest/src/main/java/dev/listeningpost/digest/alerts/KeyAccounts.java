package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.Feedback;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Key accounts from a setting in the syntax of {@code INGEST_STAFF}: comma-separated {@code channel:value}
 * or {@code channel/source:value} entries, a value being a user id, a handle, or {@code @domain} (an
 * author whose id or handle is an address in that domain); channel {@code *} matches every channel.
 * Example: {@code x:bigcorp_cto, slack/T0ACME:U024BE7LH, *:@bigcorp.com}.
 */
public final class KeyAccounts {
  public static final KeyAccounts NONE = new KeyAccounts("");

  private final Set<String> entries = new HashSet<>();

  public KeyAccounts(String spec) {
    if (spec == null) {
      return;
    }
    for (String raw : spec.split(",")) {
      String e = raw.strip();
      int colon = e.indexOf(':');
      if (colon <= 0 || colon == e.length() - 1) {
        continue;
      }
      entries.add(e.substring(0, colon).strip().toLowerCase(Locale.ROOT) + ":" + normalize(e.substring(colon + 1)));
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** True when the item's author is a configured key account on its channel (or source). */
  public boolean matches(Feedback f) {
    if (entries.isEmpty() || f == null) {
      return false;
    }
    String channel = f.channel().toLowerCase(Locale.ROOT);
    String[] scopes = f.workspace() == null || f.workspace().isBlank()
        ? new String[] {channel, "*"}
        : new String[] {channel + "/" + f.workspace().toLowerCase(Locale.ROOT), channel, "*"};
    Feedback.Author a = f.author();
    for (String scope : scopes) {
      if (has(scope, a.id()) || has(scope, a.handle()) || has(scope, domain(a.id())) || has(scope, domain(a.handle()))) {
        return true;
      }
    }
    return false;
  }

  private boolean has(String scope, String value) {
    return value != null && !value.isBlank() && entries.contains(scope + ":" + normalize(value));
  }

  /** {@code @bigcorp.com} for an address, else null. */
  private static String domain(String value) {
    if (value == null) {
      return null;
    }
    int at = value.lastIndexOf('@');
    return at > 0 && at < value.length() - 1 ? value.substring(at) : null;
  }

  /** Lower case; a handle's leading {@code @} dropped ({@code @ada} = {@code ada}), a domain's kept. */
  private static String normalize(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.startsWith("@") && !v.contains(".") ? v.substring(1) : v;
  }
}
