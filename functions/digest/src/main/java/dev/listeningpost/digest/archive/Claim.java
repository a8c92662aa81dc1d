package dev.listeningpost.digest.archive;

/**
 * The result of trying to claim the right to send a period's digest to a recipient.
 *
 * @param record the stored send record (ours when {@link Outcome#CLAIMED}, the existing one otherwise)
 */
public record Claim(Outcome outcome, SendRecord record) {
  public enum Outcome {
    /** This run may send; complete with {@code markSent} or give back with {@code release}. */
    CLAIMED,
    /** Already sent: send nothing. */
    ALREADY_SENT,
    /** Another run holds a fresh claim: send nothing now. */
    IN_PROGRESS
  }

  public boolean granted() {
    return outcome == Outcome.CLAIMED;
  }
}
