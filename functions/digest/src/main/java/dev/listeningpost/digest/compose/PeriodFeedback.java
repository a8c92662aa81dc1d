package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
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
 * @param earlier  theme counts of the periods before, most recent first (the first is
 *                 {@code previous}): the baseline of theme trends, counted as loaded so the
 *                 older weeks' items are not kept in memory
 */
public record PeriodFeedback(ReportingPeriod period, List<Feedback> items, List<Feedback> previous,
                             List<Feedback> after, Instant now, List<PeriodCounts> earlier) {
  public PeriodFeedback {
    items = List.copyOf(items);
    previous = List.copyOf(previous);
    after = List.copyOf(after);
    earlier = List.copyOf(earlier);
  }

  /** With the previous period as the only baseline period. */
  public PeriodFeedback(ReportingPeriod period, List<Feedback> items, List<Feedback> previous, List<Feedback> after,
                        Instant now) {
    this(period, items, previous, after, now, List.of(PeriodCounts.of(previous)));
  }
}
