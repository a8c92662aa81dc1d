package dev.listeningpost.digest.archive;

import java.time.Instant;

/**
 * The send log entry for one period and recipient: claimed before sending, SENT after.
 *
 * @param claimId   identifies the run holding the claim, so only that run can complete or release it
 * @param messageId the transport's message id once sent
 */
public record SendRecord(String period, String recipient, Status status, String claimId, Instant claimedAt,
                         Instant sentAt, String messageId) {

  public enum Status { CLAIMED, SENT }

  static final class Builder {
    String period;
    String recipient;
    Status status;
    String claimId;
    Instant claimedAt;
    Instant sentAt;
    String messageId;

    SendRecord build() {
      return new SendRecord(period, recipient, status, claimId, claimedAt, sentAt, messageId);
    }
  }
}
