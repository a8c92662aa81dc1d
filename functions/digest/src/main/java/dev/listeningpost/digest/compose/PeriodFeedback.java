package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Instant;
import java.util.List;

/**
 * The stored feedback a digest is computed from.
 *
 * @param items   created in the period, oldest first (staff included: replies and what worked need them)
 * @param after   created after the period up to composition time, bounded by the reply SLA: only used to
 *                see whether and when a message was answered
 * @param now     composition time
 * @param history summaries of the periods before, most recent first (the first is the previous period);
 *                up to {@link #HISTORY_PERIODS}
 */
public record PeriodFeedback(ReportingPeriod period, List<Feedback> items, List<Feedback> after, Instant now,
                             List<PeriodSummary> history) {
  /** Periods of history read: the charts show these plus the current one. */
  public static final int HISTORY_PERIODS = 8;

  public PeriodFeedback {
    items = List.copyOf(items);
    after = List.copyOf(after);
    history = List.copyOf(history);
  }

  /** With the previous period's items as the only history (staff-only customer rule). */
  public PeriodFeedback(ReportingPeriod period, List<Feedback> items, List<Feedback> previous, List<Feedback> after,
                        Instant now) {
    this(period, items, after, now, List.of(PeriodSummary.of(period.previous(), previous, CustomerVoice.STAFF_ONLY)));
  }

  /** The previous period's summary (empty when no history was loaded). */
  public PeriodSummary previous() {
    return history.isEmpty() ? PeriodSummary.empty(period.previous().id()) : history.get(0);
  }
}
