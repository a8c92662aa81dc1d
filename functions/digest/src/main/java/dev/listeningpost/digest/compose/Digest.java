package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.sections.Headline;
import dev.listeningpost.digest.sections.SectionModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one digest says about one period: the headline and the sections' models, in order.
 * Immutable; the renderer turns it into an email, the archive keeps the rendered email and
 * {@link #counts()}. A section with nothing to say is absent.
 */
public record Digest(ReportingPeriod period, Instant composedAt, Headline headline, List<SectionModel<?>> sections) {

  public Digest {
    sections = List.copyOf(sections);
  }

  /** The model of the section with {@code key}, if it is in this digest. */
  public <M> Optional<M> section(String key, Class<M> type) {
    return sections.stream().filter(s -> s.key().equals(key)).map(SectionModel::model).filter(type::isInstance)
        .map(type::cast).findFirst();
  }

  /** The headline numbers, kept with the archived email. */
  public Counts counts() {
    return new Counts(headline.messages(), headline.previousMessages(), headline.analyzed(), headline.net(),
        headline.replies(), headline.memberReplies(), headline.waiting());
  }

  /**
   * Headline numbers of a digest: customer messages, analyzed customer messages, net sentiment (null when
   * nothing was analyzed), replies by anyone and by members, questions and complaints waiting past the SLA.
   */
  public record Counts(int messages, int previousMessages, int analyzed, Double netSentiment,
                       int replies, int memberReplies, int unanswered) {
  }
}
