package dev.listeningpost.digest.archive;

import dev.listeningpost.digest.compose.Digest;
import java.time.Instant;
import java.util.Objects;

/**
 * A digest as it was sent: the rendered email and its headline numbers. Stored once per period
 * and re-used by later runs, so a retry sends exactly the same content.
 *
 * @param period      ISO week id, e.g. {@code 2026-W47}
 * @param periodStart start of the week in the configured zone (orders digests)
 * @param timeZone    the zone the week was computed in
 */
public record ArchivedDigest(String period, Instant periodStart, String timeZone, String subject, String html,
                             String text, Instant composedAt, Digest.Counts counts) {
  public ArchivedDigest {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(composedAt, "composedAt");
    Objects.requireNonNull(counts, "counts");
  }

  /** Mutable builder for the static immutable table schema. */
  static final class Builder {
    String period;
    Instant periodStart;
    String timeZone;
    String subject;
    String html;
    String text;
    Instant composedAt;
    int messages;
    int previousMessages;
    int analyzed;
    Double netSentiment;
    int replies;
    int memberReplies;
    int unanswered;

    ArchivedDigest build() {
      return new ArchivedDigest(period, periodStart, timeZone, subject, html, text, composedAt,
          new Digest.Counts(messages, previousMessages, analyzed, netSentiment, replies, memberReplies, unanswered));
    }
  }
}
