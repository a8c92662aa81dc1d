package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.sections.DigestSection;
import dev.listeningpost.digest.sections.Headline;
import dev.listeningpost.digest.sections.PeriodData;
import dev.listeningpost.digest.sections.SectionModel;
import dev.listeningpost.digest.sections.Sections;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest as a pure function of the loaded feedback (no I/O), so it is testable and
 * benchmarkable without storage: the headline, then each section's model in order.
 */
public final class DigestCalculator {
  private static final Logger LOG = LoggerFactory.getLogger(DigestCalculator.class);

  private final ComposeOptions options;
  private final ThemeLabels labels;
  private final CustomerVoice voice;
  private final List<DigestSection<?>> sections;
  private final ThemeTrends trendRule = ThemeTrends.DEFAULT;

  public DigestCalculator(ComposeOptions options, ThemeLabels labels, CustomerVoice voice,
                          List<? extends DigestSection<?>> sections) {
    this.options = options;
    this.labels = labels == null ? ThemeLabels.NONE : labels;
    this.voice = voice == null ? CustomerVoice.STAFF_ONLY : voice;
    this.sections = Sections.ordered(sections);
  }

  /** The built-in sections, staff-only customer rule. */
  public DigestCalculator(ComposeOptions options, ThemeLabels labels) {
    this(options, labels, CustomerVoice.STAFF_ONLY, Sections.defaults());
  }

  public ComposeOptions options() {
    return options;
  }

  public CustomerVoice voice() {
    return voice;
  }

  /** The theme-trend rule (shared with the read API). */
  public ThemeTrends trendRule() {
    return trendRule;
  }

  /** What sections derive from the period, computed once. */
  public PeriodData data(PeriodFeedback feedback) {
    return new PeriodData(feedback, options, labels, voice, trendRule);
  }

  public Digest calculate(PeriodFeedback feedback) {
    PeriodData data = data(feedback);
    List<SectionModel<?>> models = new ArrayList<>();
    for (DigestSection<?> s : sections) {
      try {
        SectionModel.of(s, data).ifPresent(models::add);
      } catch (RuntimeException e) {
        // One failing section must not cost the executives the whole digest.
        LOG.warn("digest section {} failed for {}: {}", s.key(), feedback.period(), e.toString());
      }
    }
    return new Digest(feedback.period(), feedback.now(), Headline.of(data), models);
  }
}
