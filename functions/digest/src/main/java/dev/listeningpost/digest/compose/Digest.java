package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.trends.ThemeTrend;
import dev.listeningpost.feedback.trends.TrendStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one digest says about one period, computed from stored feedback. Immutable; the
 * renderer turns it into an email, the archive keeps the rendered email and {@link #counts()}.
 *
 * <p>Sections that need data the pipeline may not have yet (sentiment before analysis runs,
 * themes before clustering runs) are empty rather than wrong: the renderer leaves them out.
 *
 * @param period      the reported week
 * @param composedAt  when this was computed
 * @param volume      messages this period and the one before
 * @param channels    channel mix, largest first
 * @param sentiment   net sentiment over the analyzed items
 * @param hashtags    top hashtags (campaigns), largest first
 * @param community   who answers: members (a community) or only staff (an audience)
 * @param themes      themes by customer volume, when items carry theme ids (plus the fastest
 *                    significant riser if it is not among the largest)
 * @param unanswered  members who reached out and got no reply within the SLA
 * @param advocates   most engaged members
 * @param whatWorked  staff posts ranked by the member replies they drew
 * @param quotes      the latest messages, newest first
 * @param extras      sections contributed by {@link SectionContributor}s, in contributor order
 */
public record Digest(
    ReportingPeriod period,
    Instant composedAt,
    Volume volume,
    List<Share> channels,
    Sentiment sentiment,
    List<Share> hashtags,
    Community community,
    List<ThemeSummary> themes,
    Unanswered unanswered,
    List<Advocate> advocates,
    List<Highlight> whatWorked,
    List<Quote> quotes,
    List<Section> extras) {

  public Digest {
    channels = List.copyOf(channels);
    hashtags = List.copyOf(hashtags);
    themes = List.copyOf(themes);
    advocates = List.copyOf(advocates);
    whatWorked = List.copyOf(whatWorked);
    quotes = List.copyOf(quotes);
    extras = List.copyOf(extras);
  }

  /** The headline numbers, kept with the archived email. */
  public Counts counts() {
    return new Counts(volume.total(), volume.previousTotal(), sentiment.analyzed(), sentiment.net(),
        community.replies(), community.memberReplies(), unanswered.total());
  }

  /** Headline numbers of a digest. {@code netSentiment} is null when nothing was analyzed. */
  public record Counts(int messages, int previousMessages, int analyzed, Double netSentiment,
                       int replies, int memberReplies, int unanswered) {
  }

  /**
   * Messages in the period and in the one before.
   *
   * @param posts   conversation starters (not replies)
   * @param replies replies to someone else's message
   * @param authors distinct authors
   */
  public record Volume(int total, int previousTotal, int posts, int replies, int authors) {
    /** Relative change vs the previous period, e.g. 0.25 for +25%; null when there was nothing before. */
    public Double change() {
      return previousTotal == 0 ? null : (total - previousTotal) / (double) previousTotal;
    }
  }

  /** A labelled count and its share of the whole (0..1). */
  public record Share(String label, int count, double fraction) {
  }

  /**
   * Sentiment over the items that analysis has scored so far.
   *
   * @param net     (positive - negative) / analyzed, in [-1, 1]; null when nothing was analyzed
   * @param average mean compound score; null when no item carries a score
   */
  public record Sentiment(int analyzed, int positive, int neutral, int negative, Double net, Double average) {
    public static final Sentiment NONE = new Sentiment(0, 0, 0, 0, null, null);
  }

  /**
   * Community vs audience: replies written by members rather than staff.
   *
   * @param memberShare memberReplies / replies; null when there were no replies
   * @param membersHelpingMembers member replies to another member
   */
  public record Community(int replies, int memberReplies, int staffReplies, int membersHelpingMembers,
                          Double memberShare) {
  }

  /**
   * One theme's activity in the period: customer items only (staff never count).
   *
   * @param label          readable label, null when no label source is available
   * @param count          customer items in the period
   * @param previousCount  customer items in the previous period
   * @param net            net sentiment of its analyzed customer items, null when none
   * @param trend          share of customer volume and its trend, by the rule the read API uses
   */
  public record ThemeSummary(String themeId, String label, int count, int previousCount, Double net,
                             List<Quote> quotes, ThemeTrend trend) {
    public ThemeSummary {
      quotes = List.copyOf(quotes);
    }

    public TrendStatus status() {
      return trend == null ? null : trend.status();
    }
  }

  /** The theme that rose fastest this period with the data to back it, if any. */
  public Optional<ThemeSummary> fastestRiser() {
    return themes.stream().filter(t -> t.trend() != null && t.trend().fastestRiser()).findFirst();
  }

  /**
   * Members who reached out and got no reply from anyone else within the SLA.
   *
   * @param total  how many
   * @param oldest the longest-waiting ones, oldest first (capped)
   */
  public record Unanswered(int total, List<Quote> oldest) {
    public Unanswered {
      oldest = List.copyOf(oldest);
    }
  }

  /** A member who stood out: how much they wrote and how often they answered others. */
  public record Advocate(String name, String channel, String permalink, int messages, int repliesToOthers,
                         Double averageSentiment) {
  }

  /** A message and what it drew, e.g. a staff post and the member replies it got. */
  public record Highlight(Quote quote, int memberReplies) {
  }
}
