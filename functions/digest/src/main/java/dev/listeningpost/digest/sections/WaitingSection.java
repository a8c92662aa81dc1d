package dev.listeningpost.digest.sections;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Conversations;
import dev.listeningpost.digest.compose.Polarity;
import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.Quotes;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.Feedback;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers waiting for an answer, counted in people and messages: questions and complaints
 * ({@link Answers}) with no reply from anyone else past the SLA, grouped per person, most urgent
 * first (a complaint, then several messages, then the longest wait). Replies after the SLA count as
 * late, not answered.
 */
@Singleton
public class WaitingSection implements DigestSection<WaitingSection.Model> {

  /**
   * @param messages     questions and complaints without a reply past the SLA
   * @param people       how many people wrote them
   * @param late         others that were answered, after the SLA
   * @param urgent       the most urgent people (capped)
   * @param fullListUrl  the whole list (under the public base URL), null when none is configured
   */
  public record Model(int messages, int people, int late, Duration sla, List<Person> urgent, String fullListUrl) {
    public Model {
      urgent = List.copyOf(urgent);
    }
  }

  /**
   * One person waiting: their messages waiting, how long the oldest has waited, and the message to
   * open (the most urgent: a complaint, else the oldest).
   */
  public record Person(String name, String handle, String channel, int messages, boolean complaint, Duration waited,
                       Quote message) {
  }

  @Override
  public String key() {
    return "waiting";
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public String title() {
    return "Waiting for an answer";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    List<Answers.Entry> all = Answers.of(d);
    int late = (int) all.stream().filter(e -> e.state() == Answers.State.LATE).count();
    int messages = (int) all.stream().filter(e -> e.state() == Answers.State.WAITING).count();
    if (messages == 0 && late == 0) {
      return Optional.empty();
    }
    List<Waiting> people = waiting(d);
    return Optional.of(new Model(messages, people.size(), late, d.options().replySla(),
        people.stream().limit(d.options().listLimit()).map(Waiting::person).toList(),
        d.publicLink("/digests/" + d.period().id() + "/waiting")));
  }

  /** Everyone waiting, most urgent first: what the full list shows. */
  public static List<Person> people(PeriodData d) {
    return waiting(d).stream().map(Waiting::person).toList();
  }

  /** A person's waiting messages, ranked before any quote is built (only the shown ones need one). */
  private record Waiting(Feedback oldest, Feedback open, int messages, boolean complaint, Duration waited) {
    Person person() {
      return new Person(oldest.author().name(), oldest.author().handle(), oldest.channel(), messages, complaint,
          waited, Quotes.of(open));
    }
  }

  private static List<Waiting> waiting(PeriodData d) {
    Map<String, List<Feedback>> byPerson = new LinkedHashMap<>();
    for (Answers.Entry e : Answers.of(d)) {
      if (e.state() == Answers.State.WAITING) {
        byPerson.computeIfAbsent(Conversations.authorKey(e.item()), k -> new java.util.ArrayList<>()).add(e.item());
      }
    }
    Instant now = d.feedback().now();
    return byPerson.values().stream().map(mine -> {
      Feedback oldest = mine.get(0);
      Feedback open = mine.stream().filter(f -> Polarity.of(f) == Polarity.NEGATIVE).findFirst().orElse(oldest);
      return new Waiting(oldest, open, mine.size(), Polarity.of(open) == Polarity.NEGATIVE,
          Duration.between(oldest.createdAt(), now));
    }).sorted(Comparator.comparing(Waiting::complaint).reversed()
        .thenComparing(Comparator.comparingInt(Waiting::messages).reversed())
        .thenComparing(Comparator.comparing(Waiting::waited).reversed())
        .thenComparing(w -> w.oldest().author().name())
        .thenComparing(w -> w.oldest().id())).toList();
  }

  @Override
  public String note(Model m) {
    return Format.count(m.messages(), "question or complaint", "questions and complaints") + " from "
        + Format.count(m.people(), "person", "people") + " without a reply after " + Format.duration(m.sla())
        + (m.late() == 0 ? "" : "; " + m.late() + " more answered late") + ". Most urgent first.";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    Blocks.open(b);
    m.urgent().stream().limit(detail.list()).forEach(p -> {
      b.append("<tr><td style=\"padding:4px 0 0 0;font-size:13px;\"><b>").append(escape(p.name())).append("</b> ")
          .append("<span style=\"").append(Blocks.MUTED).append("\">").append(escape(who(p))).append("</span></td></tr>");
      b.append("<tr><td style=\"padding:0 0 4px 0;\">").append(Blocks.quoteHtml(p.message(), true)).append("</td></tr>");
    });
    int shown = Math.min(detail.list(), m.urgent().size());
    if (m.people() > shown) {
      String more = "and " + Format.count(m.people() - shown, "more person", "more people");
      Blocks.rawLine(b, m.fullListUrl() == null ? escape(more) : Blocks.link(more + ": full list", m.fullListUrl()));
    }
    Blocks.close(b);
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    m.urgent().stream().limit(detail.list()).forEach(p -> {
      b.append("  ").append(p.name()).append(" ").append(who(p)).append('\n');
      Blocks.textQuote(b, p.message(), "    ");
    });
    int shown = Math.min(detail.list(), m.urgent().size());
    if (m.people() > shown) {
      b.append("  and ").append(Format.count(m.people() - shown, "more person", "more people"))
          .append(m.fullListUrl() == null ? "" : ": " + m.fullListUrl()).append('\n');
    }
  }

  /** "@ada · slack · 3 messages · complaint · waiting 3 d 2 h". */
  public static String who(Person p) {
    StringBuilder s = new StringBuilder();
    String h = Format.handle(p.handle());
    if (!h.isEmpty()) {
      s.append(h).append(" \u00b7 ");
    }
    s.append(p.channel()).append(" \u00b7 ").append(Format.count(p.messages(), "message", "messages"));
    if (p.complaint()) {
      s.append(" \u00b7 complaint");
    }
    return s.append(" \u00b7 waiting ").append(Format.duration(p.waited())).toString();
  }
}
