package dev.listeningpost.ingest.staff;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Staff from a configuration string: comma-separated entries {@code channel:value} or
 * {@code channel/source:value}, where value is a user id, a handle, or {@code @domain} for an e-mail
 * domain; channel {@code *} matches every channel. Example:
 * {@code slack:U024BE7LH, github:octocat, *:@acme.com}.
 */
public final class ConfiguredStaffDirectory implements StaffDirectory {
  private final Set<String> entries = new HashSet<>();

  public ConfiguredStaffDirectory(String spec) {
    if (spec == null) {
      return;
    }
    for (String raw : spec.split(",")) {
      String e = raw.trim();
      int colon = e.indexOf(':');
      if (colon <= 0 || colon == e.length() - 1) {
        continue;
      }
      entries.add(e.substring(0, colon).toLowerCase(Locale.ROOT) + ":" + e.substring(colon + 1).toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public boolean isStaff(String channel, String source, String authorId, String handle, String email) {
    if (entries.isEmpty()) {
      return false;
    }
    String ch = channel.toLowerCase(Locale.ROOT);
    String domain = null;
    if (email != null && email.indexOf('@') > 0) {
      domain = email.substring(email.indexOf('@')).toLowerCase(Locale.ROOT);
    }
    for (String scope : scopes(ch, source)) {
      if (has(scope, authorId) || has(scope, handle) || has(scope, domain)) {
        return true;
      }
    }
    return false;
  }

  private boolean has(String scope, String value) {
    return value != null && !value.isBlank() && entries.contains(scope + ":" + value.toLowerCase(Locale.ROOT));
  }

  private static String[] scopes(String channel, String source) {
    if (source == null || source.isBlank()) {
      return new String[] {channel, "*"};
    }
    return new String[] {channel + "/" + source.toLowerCase(Locale.ROOT), channel, "*"};
  }
}
