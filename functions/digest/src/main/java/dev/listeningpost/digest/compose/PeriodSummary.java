package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the digest keeps of an earlier period: counts only, so eight weeks of history cost a few
 * numbers and author keys each, not their items.
 *
 * @param messages       customer messages (staff and brand handles excluded)
 * @param people         distinct customer authors (channel + author id)
 * @param analyzed       customer messages with a sentiment
 * @param positive       of which positive
 * @param negative       of which negative
 * @param replies        replies by anyone
 * @param memberToMember replies by a customer to another customer
 * @param channels       customer messages per channel
 * @param themes         theme counts as the shared trend rule needs them (unresolved ids)
 */
public record PeriodSummary(String periodId, int messages, Set<String> people, int analyzed, int positive,
                            int negative, int replies, int memberToMember, Map<String, Integer> channels,
                            PeriodCounts themes) {
  public PeriodSummary {
    people = Set.copyOf(people);
    channels = Map.copyOf(channels);
  }

  public static PeriodSummary empty(String periodId) {
    return new PeriodSummary(periodId, 0, Set.of(), 0, 0, 0, 0, 0, Map.of(), PeriodCounts.EMPTY);
  }

  /** Net sentiment (positive − negative) / analyzed, null when nothing was analyzed. */
  public Double net() {
    return analyzed == 0 ? null : (positive - negative) / (double) analyzed;
  }

  /** Member-to-member replies / all replies, null without replies. */
  public Double memberToMemberShare() {
    return replies == 0 ? null : memberToMember / (double) replies;
  }

  public static PeriodSummary of(ReportingPeriod period, Collection<Feedback> items, CustomerVoice voice) {
    Map<String, Boolean> customerById = new HashMap<>();
    for (Feedback f : items) {
      if (f.author().id() != null) {
        customerById.put(f.author().id(), voice.isCustomer(f));
      }
    }
    int messages = 0;
    Set<String> people = new HashSet<>();
    int analyzed = 0;
    int positive = 0;
    int negative = 0;
    int replies = 0;
    int m2m = 0;
    Map<String, Integer> channels = new HashMap<>();
    for (Feedback f : items) {
      boolean customer = voice.isCustomer(f);
      if (Conversations.isReply(f)) {
        replies++;
        if (customer && Conversations.answersAnotherCustomer(f, customerById)) {
          m2m++;
        }
      }
      if (!customer) {
        continue;
      }
      messages++;
      people.add(Conversations.authorKey(f));
      channels.merge(f.channel(), 1, Integer::sum);
      Polarity p = Polarity.of(f);
      if (p != null) {
        analyzed++;
        positive += p == Polarity.POSITIVE ? 1 : 0;
        negative += p == Polarity.NEGATIVE ? 1 : 0;
      }
    }
    return new PeriodSummary(period.id(), messages, people, analyzed, positive, negative, replies, m2m, channels,
        PeriodCounts.of(items, UnaryOperator.identity(), voice));
  }
}
