package dev.listeningpost.digest.sections;

import dev.listeningpost.digest.compose.Conversations;
import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.Quotes;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.voice.CustomerVoice;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What worked: staff posts and campaigns ranked by the member replies they drew (then the
 * member-to-member replies in their threads), and those that drew none. Campaigns are the
 * configured hashtags and keywords ({@code digest.campaigns}); without any, the week's most used
 * customer hashtags stand in.
 */
@Singleton
public class WhatWorkedSection implements DigestSection<WhatWorkedSection.Model> {

  /**
   * @param worked  drew member replies, most first
   * @param silent  drew none (staff posts and campaigns), newest staff post first
   */
  public record Model(List<Row> worked, List<Row> silent, int silentCount) {
    public Model {
      worked = List.copyOf(worked);
      silent = List.copyOf(silent);
    }
  }

  /**
   * @param label          the campaign ({@code #launch}, {@code "free trial"}), or null for a staff post
   * @param post           the staff post, or null for a campaign
   * @param mentions       customer messages naming the campaign (0 for a staff post)
   * @param memberReplies  customer replies to it (to the campaign's posts)
   * @param memberToMember customer replies to another customer in those threads
   */
  public record Row(String label, Quote post, int mentions, int memberReplies, int memberToMember) {
  }

  @Override
  public String key() {
    return "what-worked";
  }

  @Override
  public int order() {
    return 600;
  }

  @Override
  public String title() {
    return "What worked";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    List<Row> rows = new ArrayList<>();
    for (Feedback f : d.items()) {
      if (!d.isCustomer(f) && !Conversations.isReply(f)) {
        int[] drew = drew(d, List.of(f));
        rows.add(new Row(null, Quotes.of(f), 0, drew[0], drew[1]));
      }
    }
    List<String> campaigns = campaigns(d);
    // One pass: items per hashtag; keyword campaigns scan lower-cased texts (only when there are any).
    Map<String, List<Feedback>> byHashtag = new HashMap<>();
    d.items().forEach(f -> f.hashtags().forEach(h -> byHashtag.computeIfAbsent(h, k -> new ArrayList<>()).add(f)));
    boolean keywords = campaigns.stream().anyMatch(c -> !c.startsWith("#"));
    List<String> lower = keywords ? d.items().stream().map(f -> f.text().toLowerCase(Locale.ROOT)).toList() : List.of();
    for (String campaign : campaigns) {
      String bare = CustomerVoice.bare(campaign);
      List<Feedback> matching;
      if (campaign.startsWith("#")) {
        matching = byHashtag.getOrDefault(bare, List.of());
      } else {
        matching = new ArrayList<>();
        for (int i = 0; i < d.items().size(); i++) {
          Feedback f = d.items().get(i);
          if (f.hashtags().contains(bare) || containsWord(lower.get(i), bare)) {
            matching.add(f);
          }
        }
      }
      int mentions = (int) matching.stream().filter(d::isCustomer).count();
      int[] drew = drew(d, matching.stream().filter(f -> !Conversations.isReply(f)).toList());
      rows.add(new Row(campaign, null, mentions, drew[0], drew[1]));
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Comparator<Row> byReplies = Comparator.comparingInt(Row::memberReplies).reversed()
        .thenComparing(Comparator.comparingInt(Row::memberToMember).reversed())
        .thenComparing(Comparator.comparingInt(Row::mentions).reversed());
    List<Row> worked = rows.stream().filter(r -> r.memberReplies() > 0).sorted(byReplies)
        .limit(d.options().listLimit()).toList();
    List<Row> silent = rows.stream().filter(r -> r.memberReplies() == 0).toList();
    return Optional.of(new Model(worked, silent.stream().limit(d.options().listLimit()).toList(), silent.size()));
  }

  /** The configured campaigns, else the most used customer hashtags of the week. */
  static List<String> campaigns(PeriodData d) {
    if (!d.options().campaigns().isEmpty()) {
      return d.options().campaigns();
    }
    Map<String, Integer> counts = new HashMap<>();
    d.customers().forEach(f -> f.hashtags().forEach(h -> counts.merge(h, 1, Integer::sum)));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(d.options().listLimit()).map(e -> "#" + e.getKey()).toList();
  }

  /** {@code word} (lower case) in {@code text} (lower case) as whole words. */
  static boolean containsWord(String text, String word) {
    if (word.isEmpty()) {
      return false;
    }
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  /** Member replies and member-to-member replies to {@code roots}. */
  private static int[] drew(PeriodData d, List<Feedback> roots) {
    int member = 0;
    int m2m = 0;
    for (Feedback root : roots) {
      for (Feedback r : d.conversations().repliesTo(root)) {
        if (d.isCustomer(r)) {
          member++;
          m2m += d.isMemberToMember(r) ? 1 : 0;
        }
      }
    }
    return new int[] {member, m2m};
  }

  @Override
  public String note(Model m) {
    return "Staff posts and campaigns by the member replies they drew.";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    Blocks.open(b);
    m.worked().stream().limit(detail.list()).forEach(r -> {
      if (r.post() != null && detail.quotes() > 0) {
        Blocks.quote(b, r.post(), false, "0");
      } else {
        Blocks.rawLine(b, "<b>" + Blocks.link(label(r), r.post() == null ? null : r.post().permalink()) + "</b>");
      }
      Blocks.line(b, drew(r), true);
    });
    if (m.silentCount() > 0) {
      Blocks.line(b, "Drew no member replies: " + silent(m, detail), true);
    }
    Blocks.close(b);
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    m.worked().stream().limit(detail.list()).forEach(r -> {
      if (r.post() != null) {
        Blocks.textQuote(b, r.post(), "  ");
      } else {
        b.append("  ").append(label(r)).append('\n');
      }
      b.append("    ").append(drew(r)).append('\n');
    });
    if (m.silentCount() > 0) {
      b.append("  Drew no member replies: ").append(silent(m, detail)).append('\n');
    }
  }

  private static String label(Row r) {
    return r.label() != null ? "Campaign " + r.label() : "Staff post: " + Quotes.shorten(r.post().text(), 80);
  }

  private static String drew(Row r) {
    String s = Format.count(r.memberReplies(), "member reply", "member replies") + ", "
        + r.memberToMember() + " member-to-member";
    return r.label() == null ? s : s + "; " + Format.count(r.mentions(), "customer mention", "customer mentions");
  }

  private static String silent(Model m, Detail detail) {
    List<String> names = m.silent().stream().limit(Math.max(1, detail.list() / 2))
        .map(r -> r.label() != null ? r.label() : "\u201c" + Quotes.shorten(r.post().text(), 60) + "\u201d").toList();
    int rest = m.silentCount() - names.size();
    return String.join(", ", names) + (rest > 0 ? " and " + rest + " more" : "");
  }
}
