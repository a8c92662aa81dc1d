package dev.listeningpost.digest.sections;

import dev.listeningpost.digest.compose.Conversations;
import dev.listeningpost.digest.compose.Polarity;
import dev.listeningpost.feedback.Feedback;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which customer messages need an answer and whether they got one: the same rule for the headline's
 * response numbers and for "Waiting for an answer".
 *
 * <p>Needs an answer: a customer's conversation starter (not a reply) that asks a question (a question
 * mark or a question opener such as "how", "can", "does") or complains (negative sentiment; before
 * analysis, complaint words such as "broken", "refund"). Praise and thanks do not.
 */
public final class Answers {
  private static final Set<String> OPENERS = Set.of("how", "what", "why", "when", "where", "who", "which", "can",
      "could", "is", "are", "does", "do", "did", "will", "would", "should", "any", "anyone", "has", "have", "may");
  private static final Pattern COMPLAINT = Pattern.compile(
      "\\b(broken|crash\\w*|error\\w*|fail\\w*|bug\\w*|not working|doesn'?t work|can'?t|cannot|refund\\w*|"
          + "still waiting|worst|terrible|awful|outage|down again)\\b", Pattern.CASE_INSENSITIVE);

  private Answers() {
  }

  /** How a message that needs an answer fared by composition time. */
  public enum State {
    /** Someone else replied within the SLA. */
    IN_TIME,
    /** Someone else replied, after the SLA. */
    LATE,
    /** No reply and the SLA has passed. */
    WAITING,
    /** No reply yet, still within the SLA. */
    NOT_DUE
  }

  /** A message that needs an answer, its first response (null if none) and its state. */
  public record Entry(Feedback item, Instant firstResponse, State state) {
    public Duration responseTime() {
      return firstResponse == null ? null : Duration.between(item.createdAt(), firstResponse);
    }
  }

  public static boolean isQuestion(String text) {
    if (text == null) {
      return false;
    }
    if (text.indexOf('?') >= 0) {
      return true;
    }
    // The first word after any leading @mentions ("@acme how do I ...").
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',' || text.charAt(i) == ':')) {
        i++;
      }
      if (i < n && text.charAt(i) == '@') {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        continue;
      }
      break;
    }
    int end = i;
    while (end < n && end - i < 8 && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return OPENERS.contains(text.substring(i, end).toLowerCase(Locale.ROOT));
  }

  public static boolean needsAnswer(Feedback f, PeriodData data) {
    if (!data.isCustomer(f) || Conversations.isReply(f) || f.text().isBlank()) {
      return false;
    }
    if (isQuestion(f.text())) {
      return true;
    }
    Polarity p = Polarity.of(f);
    return p == null ? COMPLAINT.matcher(f.text()).find() : p == Polarity.NEGATIVE;
  }

  /** Every message of the period that needs an answer, oldest first (computed once per period). */
  public static List<Entry> of(PeriodData data) {
    return data.derived("answers", () -> compute(data));
  }

  private static List<Entry> compute(PeriodData data) {
    Duration sla = data.options().replySla();
    Instant now = data.feedback().now();
    List<Entry> out = new ArrayList<>();
    for (Feedback f : data.customers()) {
      if (!needsAnswer(f, data)) {
        continue;
      }
      Instant first = data.conversations().firstResponse(f).orElse(null);
      Instant due = f.createdAt().plus(sla);
      State s = first != null ? (first.isAfter(due) ? State.LATE : State.IN_TIME)
          : due.isAfter(now) ? State.NOT_DUE : State.WAITING;
      out.add(new Entry(f, first, s));
    }
    return out;
  }
}
