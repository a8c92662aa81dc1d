package dev.listeningpost.digest.alerts;

import java.util.List;

/**
 * What one run did, by alert key.
 *
 * @param window     the window checked ({@link AlertWindow#id()})
 * @param sent       alerts delivered (every channel, or some: see the log)
 * @param duplicates alerts an earlier run already sent, suppressed, or is sending
 * @param suppressed alerts over the hourly limit: recorded, never sent
 * @param failed     alerts no channel accepted: released, so a retry sends them
 */
public record AlertsResult(String window, List<String> sent, List<String> duplicates, List<String> suppressed,
                           List<String> failed) {
  public AlertsResult {
    sent = List.copyOf(sent);
    duplicates = List.copyOf(duplicates);
    suppressed = List.copyOf(suppressed);
    failed = List.copyOf(failed);
  }

  public boolean complete() {
    return failed.isEmpty();
  }
}
