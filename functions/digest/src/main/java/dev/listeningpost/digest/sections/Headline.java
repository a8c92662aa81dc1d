package dev.listeningpost.digest.sections;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Conversations;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.ThemeTrend;
import java.time.Duration;
import java.util.List;

/**
 * The top of the digest, customers only (staff and brand handles never count): messages and people
 * heard with their change, net sentiment and its change, how fast questions and complaints were
 * answered, and one sentence naming the biggest change of the week (also the inbox preview text).
 *
 * @param messages           customer messages
 * @param people             distinct customers who wrote
 * @param net                net sentiment of analyzed customer messages, null when none
 * @param previousNet        the same in the previous period
 * @param analyzed           customer messages with a sentiment
 * @param needingAnswer      questions and complaints whose SLA has passed or that got an answer
 * @param answeredInTime     of which answered within the SLA
 * @param medianFirstResponse median time to the first reply by someone else (staff or member), null if none
 * @param waiting            questions and complaints still without a reply past the SLA
 * @param replies            replies by anyone (kept with the archive)
 * @param memberReplies      replies by customers (kept with the archive)
 * @param sentence           the biggest change of the week, one sentence
 */
public record Headline(int messages, int previousMessages, int people, int previousPeople, Double net,
                       Double previousNet, int analyzed, int needingAnswer, int answeredInTime,
                       Duration medianFirstResponse, Duration sla, int waiting, int replies, int memberReplies,
                       String sentence) {
  /** Sentiment moves smaller than this (or on fewer analyzed messages) are not "the" change of the week. */
  static final double SWING = 0.10;
  static final int SWING_MIN_ANALYZED = 10;

  public static Headline of(PeriodData d) {
    PeriodSummary prev = d.feedback().previous();
    int people = (int) d.customers().stream().map(Conversations::authorKey).distinct().count();
    List<Answers.Entry> answers = Answers.of(d);
    List<Answers.Entry> due = answers.stream().filter(e -> e.state() != Answers.State.NOT_DUE).toList();
    int inTime = (int) due.stream().filter(e -> e.state() == Answers.State.IN_TIME).count();
    int waiting = (int) due.stream().filter(e -> e.state() == Answers.State.WAITING).count();
    List<Duration> times = answers.stream().map(Answers.Entry::responseTime).filter(t -> t != null).sorted().toList();
    Duration median = times.isEmpty() ? null : times.get((times.size() - 1) / 2);
    int replies = 0;
    int memberReplies = 0;
    for (Feedback f : d.items()) {
      if (Conversations.isReply(f)) {
        replies++;
        memberReplies += d.isCustomer(f) ? 1 : 0;
      }
    }
    PeriodData.Sentiment s = d.sentiment();
    return new Headline(d.customers().size(), prev.messages(), people, prev.people().size(), s.net(), prev.net(),
        s.analyzed(), due.size(), inTime, median, d.options().replySla(), waiting, replies, memberReplies,
        sentence(d, people, s, prev));
  }

  /** The fastest significant riser, else a sentiment swing, else volume and people. */
  static String sentence(PeriodData d, int people, PeriodData.Sentiment s, PeriodSummary prev) {
    var riser = d.trends().fastestRiser();
    if (riser.isPresent()) {
      ThemeTrend t = riser.get();
      return "\u201c" + d.themeName(t.themeId()) + "\u201d is rising fastest: " + Format.count(t.volume(), "message",
          "messages") + ", " + Format.percent1(t.share()) + " of customer messages"
          + (t.baselineShare() == null || t.baselineVolume() == 0 ? " (new)"
          : " vs " + Format.percent1(t.baselineShare()) + " usually") + ".";
    }
    Double net = s.net();
    if (net != null && prev.net() != null && s.analyzed() >= SWING_MIN_ANALYZED
        && prev.analyzed() >= SWING_MIN_ANALYZED && Math.abs(net - prev.net()) >= SWING) {
      return "Net sentiment " + (net > prev.net() ? "rose" : "fell") + " from " + Format.signed(prev.net()) + " to "
          + Format.signed(net) + " (" + Format.signed(net - prev.net()) + ").";
    }
    int n = d.customers().size();
    if (n == 0) {
      return "No customer messages this week.";
    }
    return Format.count(n, "customer message", "customer messages") + " from " + Format.count(people, "person",
        "people") + " (" + Format.change(n, prev.messages()) + (prev.messages() == 0 ? "" : " the week before") + ").";
  }

  /** Share of due questions and complaints answered within the SLA, null when none were due. */
  public Double answeredInTimeShare() {
    return needingAnswer == 0 ? null : answeredInTime / (double) needingAnswer;
  }

  public void html(StringBuilder b) {
    b.append("<tr><td style=\"padding:8px 24px 4px 24px;font-size:16px;line-height:22px;font-weight:bold;\">")
        .append(escape(sentence)).append("</td></tr>");
    b.append("<tr><td style=\"padding:4px 16px 8px 16px;\"><table role=\"presentation\" width=\"100%\" ")
        .append("cellpadding=\"0\" cellspacing=\"8\" border=\"0\"><tr>");
    kpi(b, "Customer messages", Integer.toString(messages), Format.change(messages, previousMessages));
    kpi(b, "People heard", Integer.toString(people), Format.change(people, previousPeople));
    b.append("</tr><tr>");
    kpi(b, "Net sentiment", net == null ? "\u2013" : Format.signed(net), netNote());
    kpi(b, "First response (median)", medianFirstResponse == null ? "\u2013" : Format.duration(medianFirstResponse),
        responseNote());
    b.append("</tr></table></td></tr>");
  }

  public void text(StringBuilder b) {
    b.append(sentence).append("\n\n");
    b.append("Customer messages: ").append(messages).append(" (").append(Format.change(messages, previousMessages))
        .append(")\n");
    b.append("People heard: ").append(people).append(" (").append(Format.change(people, previousPeople)).append(")\n");
    b.append("Net sentiment: ").append(net == null ? "not analyzed yet" : Format.signed(net)).append(" (")
        .append(netNote()).append(")\n");
    b.append("First response (median): ")
        .append(medianFirstResponse == null ? "none" : Format.duration(medianFirstResponse)).append(" (")
        .append(responseNote()).append(")\n");
  }

  private String netNote() {
    if (net == null) {
      return "not analyzed yet";
    }
    String change = previousNet == null ? "none the week before" : Format.signed(net - previousNet) + " vs "
        + Format.signed(previousNet);
    return change + "; " + analyzed + " analyzed";
  }

  private String responseNote() {
    Double share = answeredInTimeShare();
    return share == null ? "no questions or complaints due"
        : Format.percent(share) + " of " + needingAnswer + " questions and complaints answered within "
        + Format.duration(sla);
  }

  private static void kpi(StringBuilder b, String label, String value, String note) {
    b.append("<td width=\"50%\" valign=\"top\" style=\"background:#f8fafc;border:1px solid #e4e7eb;padding:10px;\">")
        .append("<div style=\"font-size:12px;").append(Blocks.MUTED).append("\">").append(escape(label))
        .append("</div><div style=\"font-size:24px;line-height:30px;font-weight:bold;color:#1f2933;\">")
        .append(escape(value)).append("</div><div style=\"font-size:12px;").append(Blocks.MUTED).append("\">")
        .append(escape(note)).append("</div></td>");
  }
}
