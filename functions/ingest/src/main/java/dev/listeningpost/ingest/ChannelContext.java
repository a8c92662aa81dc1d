package dev.listeningpost.ingest;

import dev.listeningpost.ingest.secrets.SecretResolver;
import dev.listeningpost.ingest.staff.StaffDirectory;
import java.time.Instant;
import java.util.List;

/**
 * What an adapter knows about the delivery besides the request.
 *
 * @param channel    the channel name
 * @param source     the {@code {source}} path segment (a workspace, repo, forum...), null if absent
 * @param now        the time the request was received
 * @param secrets    secret lookup bound to this channel and source
 * @param staff      who counts as staff
 */
public record ChannelContext(String channel, String source, Instant now, SecretResolver secrets,
                             StaffDirectory staff) {

  /**
   * Current and previous values of a secret for this channel and source (both are accepted during a
   * rotation). Empty when none is configured.
   */
  public List<String> secret(String name) {
    return secrets.lookup(channel, source, name);
  }

  public boolean isStaff(String authorId, String handle, String email) {
    return staff.isStaff(channel, source, authorId, handle, email);
  }
}
