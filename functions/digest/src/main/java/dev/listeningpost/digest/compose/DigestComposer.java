package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.trends.PeriodCounts;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a {@link Digest} for a period from the feedback table: one Query per day on the
 * {@code byDay} index for the period, the previous period, the reply window after it, and the
 * older periods of the theme-trend baseline (only counted, not kept).
 */
@Singleton
public class DigestComposer {
  private static final Logger LOG = LoggerFactory.getLogger(DigestComposer.class);

  private final FeedbackStore store;
  private final DigestCalculator calculator;
  private final List<SectionContributor> contributors;
  private final Clock clock;

  public DigestComposer(FeedbackStore store, ThemeLabels labels, List<SectionContributor> contributors,
                        ComposeOptions options, Clock clock) {
    this.store = store;
    this.calculator = new DigestCalculator(options, labels);
    this.contributors = List.copyOf(contributors);
    this.clock = clock;
  }

  public Digest compose(ReportingPeriod period) {
    return compose(load(period));
  }

  /** Reads what a digest for {@code period} needs. */
  public PeriodFeedback load(ReportingPeriod period) {
    Instant now = clock.instant();
    List<Feedback> items = store.createdBetween(period.start(), period.end(), null);
    ReportingPeriod prev = period.previous();
    List<Feedback> previous = store.createdBetween(prev.start(), prev.end(), null);
    // Replies written after the period still answer messages written in it.
    Instant replyWindowEnd = min(now, period.end().plus(calculator.options().replySla()));
    List<Feedback> after = replyWindowEnd.isAfter(period.end())
        ? store.createdBetween(period.end(), replyWindowEnd, null) : List.of();
    return new PeriodFeedback(period, items, previous, after, now, earlier(prev, previous));
  }

  /** Theme counts of the trend baseline: the previous period and the ones before it. */
  private List<PeriodCounts> earlier(ReportingPeriod prev, List<Feedback> previous) {
    List<PeriodCounts> out = new ArrayList<>();
    out.add(PeriodCounts.of(previous));
    ReportingPeriod p = prev;
    for (int i = 1; i < calculator.trendRule().baselinePeriods(); i++) {
      p = p.previous();
      out.add(PeriodCounts.of(store.createdBetween(p.start(), p.end(), null)));
    }
    return out;
  }

  /** Computes the digest from already loaded feedback (no I/O). */
  public Digest compose(PeriodFeedback data) {
    Digest core = calculator.calculate(data);
    List<Section> extras = new ArrayList<>();
    for (SectionContributor c : contributors) {
      try {
        Optional<Section> s = c.contribute(data);
        s.ifPresent(extras::add);
      } catch (RuntimeException e) {
        // One failing analysis must not cost the executives the whole digest.
        LOG.warn("digest section {} failed for {}: {}", c.getClass().getSimpleName(), data.period(), e.toString());
      }
    }
    return new Digest(core.period(), core.composedAt(), core.volume(), core.channels(), core.sentiment(),
        core.hashtags(), core.community(), core.themes(), core.unanswered(), core.advocates(), core.whatWorked(),
        core.quotes(), extras);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
