package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.Feedback;
import java.time.Instant;
import java.util.List;

/**
 * The stored feedback a digest is computed from.
 *
 * @param items    created in the period, oldest first
 * @param previous created in the previous period (trends, new themes)
 * @param after    created after the period up to composition time, bounded by the reply SLA:
 *                 only used to see whether a message was answered
 * @param now      composition time
 */
public record PeriodFeedback(ReportingPeriod period, List<Feedback> items, List<Feedback> previous,
                             List<Feedback> after, Instant now) {
  public PeriodFeedback {
    items = List.copyOf(items);
    previous = List.copyOf(previous);
    after = List.copyOf(after);
  }
}
