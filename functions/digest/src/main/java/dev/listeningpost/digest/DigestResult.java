package dev.listeningpost.digest;

import dev.listeningpost.digest.archive.ArchivedDigest;
import java.util.List;

/**
 * What one run of the digest job did.
 *
 * @param sent     recipients who were sent the digest by this run
 * @param skipped  recipients already sent (or being sent by another run): nothing sent
 * @param failed   recipients whose send failed; their claims were released so the next run retries
 * @param reused   true when the digest was already archived and its stored content was used
 */
public record DigestResult(String period, String subject, List<String> sent, List<String> skipped,
                           List<String> failed, boolean reused, ArchivedDigest digest) {
  public DigestResult {
    sent = List.copyOf(sent);
    skipped = List.copyOf(skipped);
    failed = List.copyOf(failed);
  }

  public boolean complete() {
    return failed.isEmpty();
  }
}
