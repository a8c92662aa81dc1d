package dev.listeningpost.ingest;

import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import java.time.Instant;
import java.util.Map;

/** Channel contexts for adapter unit tests. */
public final class Contexts {
  public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private Contexts() {
  }

  public static ChannelContext of(String channel, String source, Map<String, String> env, String staff) {
    return new ChannelContext(channel, source, NOW, new EnvironmentSecretResolver(env), new ConfiguredStaffDirectory(staff));
  }

  public static ChannelContext of(String channel, String source) {
    return of(channel, source, ChannelFixtures.env(), "");
  }

  public static ChannelContext of(String channel) {
    return of(channel, null);
  }
}
