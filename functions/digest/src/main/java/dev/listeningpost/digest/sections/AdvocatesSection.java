package dev.listeningpost.digest.sections;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Conversations;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.compose.Polarity;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.Feedback;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers to thank personally: who answered other members, who spoke positively, and for how many
 * weeks in a row they have been around. Staff and brand accounts are never listed.
 */
@Singleton
public class AdvocatesSection implements DigestSection<AdvocatesSection.Model> {

  public record Model(List<Advocate> advocates) {
    public Model {
      advocates = List.copyOf(advocates);
    }
  }

  /**
   * @param answers   replies to another member this period
   * @param positive  positive messages this period
   * @param streak    consecutive weeks with a message, this one included
   * @param link      their latest answer to a member, else their latest positive message
   */
  public record Advocate(String name, String handle, String channel, int answers, int positive, int streak,
                         String link) {
  }

  @Override
  public String key() {
    return "advocates";
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  public String title() {
    return "Advocates";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    Map<String, List<Feedback>> byAuthor = new LinkedHashMap<>();
    for (Feedback f : d.customers()) {
      byAuthor.computeIfAbsent(Conversations.authorKey(f), k -> new ArrayList<>()).add(f);
    }
    List<Advocate> out = new ArrayList<>();
    byAuthor.forEach((key, mine) -> {
      List<Feedback> answers = mine.stream().filter(d::isMemberToMember).toList();
      List<Feedback> positive = mine.stream().filter(f -> Polarity.of(f) == Polarity.POSITIVE).toList();
      if (answers.isEmpty() && positive.isEmpty()) {
        return;
      }
      Feedback latest = mine.get(mine.size() - 1);
      Feedback link = !answers.isEmpty() ? answers.get(answers.size() - 1) : positive.get(positive.size() - 1);
      out.add(new Advocate(latest.author().name(), latest.author().handle(), latest.channel(), answers.size(),
          positive.size(), streak(key, d.history()), link.permalink()));
    });
    if (out.isEmpty()) {
      return Optional.empty();
    }
    out.sort(Comparator.comparingInt(Advocate::answers).reversed()
        .thenComparing(Comparator.comparingInt(Advocate::positive).reversed())
        .thenComparing(Comparator.comparingInt(Advocate::streak).reversed())
        .thenComparing(Advocate::name));
    return Optional.of(new Model(out.stream().limit(d.options().listLimit()).toList()));
  }

  static int streak(String authorKey, List<PeriodSummary> history) {
    int weeks = 1;
    for (PeriodSummary h : history) {
      if (!h.people().contains(authorKey)) {
        break;
      }
      weeks++;
    }
    return weeks;
  }

  @Override
  public String note(Model m) {
    return "Members to thank: answers to other members, positive messages, weeks in a row.";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    Blocks.open(b);
    m.advocates().stream().limit(detail.list()).forEach(a -> Blocks.rawLine(b, "<b>" + Blocks.link(a.name(), a.link())
        + "</b> <span style=\"" + Blocks.MUTED + "\">" + escape(who(a)) + "</span><br>" + escape(did(a))));
    Blocks.close(b);
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    m.advocates().stream().limit(detail.list()).forEach(a -> b.append("  ").append(a.name()).append(' ')
        .append(who(a)).append(": ").append(did(a)).append(a.link() == null ? "" : " " + a.link()).append('\n'));
  }

  static String who(Advocate a) {
    String h = Format.handle(a.handle());
    return (h.isEmpty() ? "" : h + " \u00b7 ") + a.channel();
  }

  /** "answered 4 members, 2 positive messages, 3 weeks in a row". */
  static String did(Advocate a) {
    List<String> parts = new ArrayList<>();
    if (a.answers() > 0) {
      parts.add("answered " + Format.count(a.answers(), "member", "members"));
    }
    if (a.positive() > 0) {
      parts.add(Format.count(a.positive(), "positive message", "positive messages"));
    }
    if (a.streak() > 1) {
      parts.add(a.streak() + " weeks in a row");
    }
    return String.join(", ", parts);
  }
}
