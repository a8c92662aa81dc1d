package dev.listeningpost.digest.sections;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Conversations;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.Quotes;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.Feedback;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Community or audience: how many replies are members answering members, its trend over the last
 * weeks, and two member conversations worth reading.
 */
@Singleton
public class CommunitySection implements DigestSection<CommunitySection.Model> {
  /** From this share of member-to-member replies on, the members carry the conversation. */
  static final double COMMUNITY_SHARE = 0.25;
  static final int CONVERSATIONS = 2;

  /**
   * @param trend          member-to-member share per week, oldest first, this week last (null: no replies)
   * @param conversations  member threads worth reading
   */
  public record Model(int replies, int memberReplies, int memberToMember, List<Point> trend,
                      List<Conversation> conversations) {
    public Model {
      trend = List.copyOf(trend);
      conversations = List.copyOf(conversations);
    }

    public Double share() {
      return replies == 0 ? null : memberToMember / (double) replies;
    }

    public boolean community() {
      return share() != null && share() >= COMMUNITY_SHARE;
    }
  }

  public record Point(String periodId, Double share) {
  }

  /** A thread started by a member, with the member replies it drew from how many other members. */
  public record Conversation(Quote start, int memberReplies, int members) {
  }

  @Override
  public String key() {
    return "community";
  }

  @Override
  public int order() {
    return 400;
  }

  @Override
  public String title() {
    return "Community or audience";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    return d.derived(key(), () -> computeOnce(d));
  }

  private Optional<Model> computeOnce(PeriodData d) {
    int replies = 0;
    int member = 0;
    int m2m = 0;
    for (Feedback f : d.items()) {
      if (Conversations.isReply(f)) {
        replies++;
        member += d.isCustomer(f) ? 1 : 0;
        m2m += d.isMemberToMember(f) ? 1 : 0;
      }
    }
    if (replies == 0) {
      return Optional.empty();
    }
    List<Point> trend = new ArrayList<>();
    List<PeriodSummary> history = d.history();
    for (int i = Math.min(history.size(), ChartsSection.WEEKS - 1) - 1; i >= 0; i--) {
      trend.add(new Point(history.get(i).periodId(), history.get(i).memberToMemberShare()));
    }
    trend.add(new Point(d.period().id(), m2m / (double) replies));
    return Optional.of(new Model(replies, member, m2m, trend, conversations(d)));
  }

  static List<Conversation> conversations(PeriodData d) {
    record Candidate(Feedback root, int replies, int members) {
    }
    List<Candidate> found = new ArrayList<>();
    for (Feedback root : d.customers()) {
      if (Conversations.isReply(root)) {
        continue;
      }
      String starter = Conversations.authorKey(root);
      Set<String> members = new HashSet<>();
      int count = 0;
      for (Feedback r : d.conversations().repliesTo(root)) {
        if (d.isCustomer(r) && !Conversations.authorKey(r).equals(starter)) {
          count++;
          members.add(Conversations.authorKey(r));
        }
      }
      if (count > 0) {
        found.add(new Candidate(root, count, members.size()));
      }
    }
    // Quotes only for the ones shown.
    return found.stream().sorted(Comparator.comparingInt(Candidate::members).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::replies).reversed())
            .thenComparing(c -> c.root().createdAt()))
        .limit(CONVERSATIONS).map(c -> new Conversation(Quotes.of(c.root()), c.replies(), c.members())).toList();
  }

  @Override
  public String note(Model m) {
    return (m.community() ? "A community: members answer each other. " : "An audience: staff do most answering. ")
        + Format.count(m.replies(), "reply", "replies") + ", " + m.memberReplies() + " by members, "
        + m.memberToMember() + " member-to-member (" + Format.percent(m.share()) + ").";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    b.append("<tr><td style=\"padding:0 24px 2px 24px;font-size:12px;").append(Blocks.MUTED)
        .append("\">Member-to-member share of replies, by week</td></tr>");
    Blocks.bars(b, bars(m), Blocks.POS);
    if (!m.conversations().isEmpty() && detail.quotes() > 0) {
      b.append("<tr><td style=\"padding:4px 24px 2px 24px;font-size:14px;font-weight:bold;\">")
          .append("Conversations worth reading</td></tr>");
      Blocks.open(b);
      for (Conversation c : m.conversations()) {
        b.append("<tr><td style=\"padding:3px 0;\">").append(Blocks.quoteHtml(c.start(), false))
            .append("<div style=\"font-size:12px;padding-left:13px;").append(Blocks.MUTED).append("\">")
            .append(escape(drew(c))).append("</div></td></tr>");
      }
      Blocks.close(b);
    }
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    b.append("  Member-to-member share of replies, by week:\n");
    for (Blocks.Bar bar : bars(m)) {
      b.append("    ").append(bar.label()).append(": ").append(bar.valueText()).append('\n');
    }
    if (!m.conversations().isEmpty() && detail.quotes() > 0) {
      b.append("  Conversations worth reading:\n");
      for (Conversation c : m.conversations()) {
        Blocks.textQuote(b, c.start(), "    ");
        b.append("      ").append(drew(c)).append('\n');
      }
    }
  }

  private static List<Blocks.Bar> bars(Model m) {
    return m.trend().stream().map(p -> new Blocks.Bar(p.periodId(), p.share() == null ? 0 : p.share(),
        p.share() == null ? "no replies" : Format.percent(p.share()))).toList();
  }

  private static String drew(Conversation c) {
    return Format.count(c.memberReplies(), "member reply", "member replies") + " from "
        + Format.count(c.members(), "member", "members");
  }
}
