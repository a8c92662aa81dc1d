package dev.listeningpost.ingest;

import dev.listeningpost.feedback.Feedback;
import java.time.Duration;
import java.time.Instant;

/**
 * The sane-time rule for times taken from payloads: a created, edited or deleted time before
 * {@link #FLOOR} or more than {@link #AHEAD} after receipt is replaced by the received time (the
 * original stays in the raw payload). Absurd dates (year 1, year +999999999, {@code Instant.MIN},
 * a 17-digit Slack ts) would otherwise break day partitions and expiry arithmetic, or be stored
 * where no read ever finds them.
 */
public final class CreatedTimes {
  public static final Instant FLOOR = Instant.parse("2000-01-01T00:00:00Z");
  public static final Duration AHEAD = Duration.ofDays(1);

  private CreatedTimes() {
  }

  public static boolean sane(Instant t, Instant now) {
    return t != null && !t.isBefore(FLOOR) && !t.isAfter(now.plus(AHEAD));
  }

  /** {@code t} when sane, else {@code now}. */
  public static Instant orNow(Instant t, Instant now) {
    return sane(t, now) ? t : now;
  }

  /** The change with every payload time inside the sane window. */
  public static FeedbackChange clamp(FeedbackChange change, Instant now) {
    if (change instanceof FeedbackChange.Create c) {
      return new FeedbackChange.Create(clamp(c.item(), now));
    }
    if (change instanceof FeedbackChange.Edit e) {
      return new FeedbackChange.Edit(clamp(e.item(), now), orNow(e.editedAt(), now));
    }
    FeedbackChange.Delete d = (FeedbackChange.Delete) change;
    return new FeedbackChange.Delete(d.id(), orNow(d.deletedAt(), now));
  }

  static Feedback clamp(Feedback f, Instant now) {
    Instant received = f.receivedAt() == null ? now : f.receivedAt();
    if (sane(f.createdAt(), now) && f.receivedAt() != null) {
      return f;
    }
    return f.toBuilder().createdAt(orNow(f.createdAt(), received)).receivedAt(received).build();
  }
}
