package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.sections.DigestSection;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.voice.CustomerVoice;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a {@link Digest} for a period from the feedback table: one Query per day on the
 * {@code byDay} index for the period and the reply window after it (whole items), and for the
 * {@link PeriodFeedback#HISTORY_PERIODS} periods before it (only the attributes counting needs,
 * summarised as they are read and not kept).
 */
@Singleton
public class DigestComposer {
  private final FeedbackStore store;
  private final DigestCalculator calculator;
  private final Clock clock;

  public DigestComposer(FeedbackStore store, ThemeLabels labels, List<DigestSection<?>> sections,
                        ComposeOptions options, CustomerVoice voice, Clock clock) {
    this.store = store;
    this.calculator = new DigestCalculator(options, labels, voice, sections);
    this.clock = clock;
  }

  public Digest compose(ReportingPeriod period) {
    return compose(load(period));
  }

  /** Reads what a digest for {@code period} needs. */
  public PeriodFeedback load(ReportingPeriod period) {
    Instant now = clock.instant();
    List<Feedback> items = store.createdBetween(period.start(), period.end(), null);
    // Replies written after the period still answer messages written in it.
    Instant replyWindowEnd = min(now, period.end().plus(calculator.options().replySla()));
    List<Feedback> after = replyWindowEnd.isAfter(period.end())
        ? store.createdBetween(period.end(), replyWindowEnd, null) : List.of();
    return new PeriodFeedback(period, items, after, now, history(period));
  }

  /** Summaries of the periods before {@code period}, most recent first. */
  private List<PeriodSummary> history(ReportingPeriod period) {
    List<PeriodSummary> out = new ArrayList<>();
    ReportingPeriod p = period;
    for (int i = 0; i < PeriodFeedback.HISTORY_PERIODS; i++) {
      p = p.previous();
      out.add(PeriodSummary.of(p, store.countableBetween(p.start(), p.end()), calculator.voice()));
    }
    return out;
  }

  /**
   * Everyone waiting for an answer in the period, most urgent first: the whole list the digest's
   * "Waiting for an answer" section shows the top of.
   */
  public List<dev.listeningpost.digest.sections.WaitingSection.Person> waiting(ReportingPeriod period) {
    return dev.listeningpost.digest.sections.WaitingSection.people(calculator.data(load(period)));
  }

  /** Computes the digest from already loaded feedback (no I/O). */
  public Digest compose(PeriodFeedback data) {
    return calculator.calculate(data);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
