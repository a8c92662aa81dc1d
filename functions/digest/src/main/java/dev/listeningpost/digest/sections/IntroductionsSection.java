package dev.listeningpost.digest.sections;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.compose.Conversations;
import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.Quotes;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.ThemeTrend;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Introductions worth making: two members on the same channel who raised the same theme this week
 * and never replied to each other (in the period and its reply window), with their messages as the
 * reason. One introduction per theme, largest themes first.
 */
@Singleton
public class IntroductionsSection implements DigestSection<IntroductionsSection.Model> {
  static final int MAX_CANDIDATES = 50;

  public record Model(List<Introduction> introductions) {
    public Model {
      introductions = List.copyOf(introductions);
    }
  }

  public record Introduction(String theme, Member first, Member second) {
  }

  /** A member and what they wrote about the theme. */
  public record Member(String name, String handle, String channel, Quote message) {
  }

  @Override
  public String key() {
    return "introductions";
  }

  @Override
  public int order() {
    return 500;
  }

  @Override
  public String title() {
    return "Introductions worth making";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    Set<String> talked = talked(d);
    List<Introduction> out = new ArrayList<>();
    for (ThemeTrend t : d.trends().themes()) {
      if (out.size() >= d.options().listLimit()) {
        break;
      }
      // Each member's first message on the theme, per channel: introductions happen on one platform.
      Map<String, Map<String, Feedback>> byChannel = new LinkedHashMap<>();
      for (Feedback f : d.themeItems(t.themeId())) {
        if (f.author().id() != null && !f.text().isBlank()) {
          byChannel.computeIfAbsent(f.channel(), k -> new LinkedHashMap<>()).putIfAbsent(f.author().id(), f);
        }
      }
      pair(byChannel, talked).ifPresent(p -> out.add(new Introduction(d.themeName(t.themeId()), member(p[0]),
          member(p[1]))));
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new Model(out));
  }

  private static Optional<Feedback[]> pair(Map<String, Map<String, Feedback>> byChannel, Set<String> talked) {
    for (Map<String, Feedback> members : byChannel.values()) {
      // Bounded: a theme with thousands of members still costs at most MAX_CANDIDATES² lookups.
      List<Feedback> firsts = members.values().stream().limit(MAX_CANDIDATES).toList();
      for (int i = 0; i < firsts.size(); i++) {
        for (int j = i + 1; j < firsts.size(); j++) {
          Feedback a = firsts.get(i);
          Feedback b = firsts.get(j);
          if (!talked.contains(key(a.channel(), a.author().id(), b.author().id()))) {
            return Optional.of(new Feedback[] {a, b});
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Pairs of authors (either direction) where one replied to the other. */
  private static Set<String> talked(PeriodData d) {
    Set<String> out = new HashSet<>();
    for (List<Feedback> list : List.of(d.items(), d.feedback().after())) {
      for (Feedback f : list) {
        String to = f.thread().inReplyToAuthorId();
        if (Conversations.isReply(f) && to != null && f.author().id() != null) {
          out.add(key(f.channel(), f.author().id(), to));
        }
      }
    }
    return out;
  }

  private static String key(String channel, String a, String b) {
    return channel + "\u0000" + (a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a);
  }

  private static Member member(Feedback f) {
    return new Member(f.author().name(), f.author().handle(), f.channel(), Quotes.of(f));
  }

  @Override
  public String note(Model m) {
    return "Members who raised the same theme and have not talked to each other yet.";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    Blocks.open(b);
    m.introductions().stream().limit(detail.list()).forEach(i -> {
      Blocks.rawLine(b, "<b>" + escape(name(i.first())) + "</b> and <b>" + escape(name(i.second()))
          + "</b> <span style=\"" + Blocks.MUTED + "\">" + escape(i.first().channel()) + " \u00b7 both wrote about "
          + escape(i.theme()) + "</span>");
      if (detail.quotes() > 0) {
        Blocks.quote(b, i.first().message(), false, "12px");
        Blocks.quote(b, i.second().message(), false, "12px");
      }
    });
    Blocks.close(b);
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    m.introductions().stream().limit(detail.list()).forEach(i -> {
      b.append("  ").append(name(i.first())).append(" and ").append(name(i.second())).append(" (")
          .append(i.first().channel()).append("): both wrote about ").append(i.theme()).append('\n');
      if (detail.quotes() > 0) {
        Blocks.textQuote(b, i.first().message(), "    ");
        Blocks.textQuote(b, i.second().message(), "    ");
      }
    });
  }

  private static String name(Member m) {
    String h = Format.handle(m.handle());
    return h.isEmpty() || h.equalsIgnoreCase("@" + m.name()) ? m.name() : m.name() + " (" + h + ")";
  }
}
