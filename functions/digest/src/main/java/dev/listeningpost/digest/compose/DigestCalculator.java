package dev.listeningpost.digest.compose;

import dev.listeningpost.digest.compose.Digest.Advocate;
import dev.listeningpost.digest.compose.Digest.Community;
import dev.listeningpost.digest.compose.Digest.Highlight;
import dev.listeningpost.digest.compose.Digest.Sentiment;
import dev.listeningpost.digest.compose.Digest.Share;
import dev.listeningpost.digest.compose.Digest.ThemeSummary;
import dev.listeningpost.digest.compose.Digest.Unanswered;
import dev.listeningpost.digest.compose.Digest.Volume;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.trends.ThemeTrend;
import dev.listeningpost.feedback.trends.ThemeTrends;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest's metrics as pure functions of the loaded feedback, so they are testable and
 * benchmarkable without storage.
 *
 * <p>Conversation model (what ingest stores): a reply carries {@code thread.parentId} = the
 * {@link Feedback#id()} of the message it answers, and/or the thread id of its root; its
 * {@code thread.inReplyToAuthorId} names the author it answers.
 */
public final class DigestCalculator {
  private static final Logger LOG = LoggerFactory.getLogger(DigestCalculator.class);
  /** VADER's conventional thresholds for the compound score when no label is stored. */
  static final double POSITIVE = 0.05;
  static final double NEGATIVE = -0.05;

  private final ComposeOptions options;
  private final ThemeLabels labels;
  private final ThemeTrends trendRule = ThemeTrends.DEFAULT;

  public DigestCalculator(ComposeOptions options, ThemeLabels labels) {
    this.options = options;
    this.labels = labels == null ? ThemeLabels.NONE : labels;
  }

  public ComposeOptions options() {
    return options;
  }

  /** The theme-trend rule (shared with the read API); the composer loads its baseline periods. */
  public ThemeTrends trendRule() {
    return trendRule;
  }

  /** The digest without contributed sections. */
  public Digest calculate(PeriodFeedback data) {
    List<Feedback> items = data.items();
    Threads threads = new Threads(items, data.after());
    return new Digest(data.period(), data.now(), volume(items, data.previous()), shares(items, f -> List.of(f.channel()), Integer.MAX_VALUE),
        sentiment(items), shares(items, Feedback::hashtags, options.listLimit()), community(items, data.previous()),
        themes(data), unanswered(data, threads), advocates(items), whatWorked(items, threads),
        latestQuotes(items), List.of());
  }

  static boolean isReply(Feedback f) {
    return f.kind() == Feedback.Kind.REPLY || f.thread().parentId() != null;
  }

  private static Volume volume(List<Feedback> items, List<Feedback> previous) {
    int replies = (int) items.stream().filter(DigestCalculator::isReply).count();
    int authors = (int) items.stream().map(DigestCalculator::authorKey).distinct().count();
    return new Volume(items.size(), previous.size(), items.size() - replies, replies, authors);
  }

  /** Counts per label (an item may carry several, e.g. hashtags), largest first. */
  private static List<Share> shares(List<Feedback> items, Function<Feedback, List<String>> labelsOf, int limit) {
    Map<String, Integer> counts = new HashMap<>();
    for (Feedback f : items) {
      for (String label : labelsOf.apply(f)) {
        counts.merge(label, 1, Integer::sum);
      }
    }
    int total = items.size();
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(e -> new Share(e.getKey(), e.getValue(), total == 0 ? 0 : e.getValue() / (double) total))
        .toList();
  }

  /** "positive", "negative", "neutral", or null when the item has not been analyzed. */
  static String polarity(Feedback f) {
    Feedback.Enrichment e = f.enrichment();
    if (e == null) {
      return null;
    }
    if (e.sentimentLabel() != null && !e.sentimentLabel().isBlank()) {
      String l = e.sentimentLabel().toLowerCase(Locale.ROOT);
      if (l.startsWith("pos")) {
        return "positive";
      }
      if (l.startsWith("neg")) {
        return "negative";
      }
      return "neutral";
    }
    if (e.sentiment() == null) {
      return null;
    }
    return e.sentiment() >= POSITIVE ? "positive" : e.sentiment() <= NEGATIVE ? "negative" : "neutral";
  }

  static Sentiment sentiment(Collection<Feedback> items) {
    int pos = 0;
    int neu = 0;
    int neg = 0;
    double sum = 0;
    int scored = 0;
    for (Feedback f : items) {
      String p = polarity(f);
      if (p == null) {
        continue;
      }
      switch (p) {
        case "positive" -> pos++;
        case "negative" -> neg++;
        default -> neu++;
      }
      if (f.enrichment().sentiment() != null) {
        sum += f.enrichment().sentiment();
        scored++;
      }
    }
    int analyzed = pos + neu + neg;
    if (analyzed == 0) {
      return Sentiment.NONE;
    }
    return new Sentiment(analyzed, pos, neu, neg, (pos - neg) / (double) analyzed, scored == 0 ? null : sum / scored);
  }

  private static Community community(List<Feedback> items, List<Feedback> previous) {
    // Staff or member of the author being answered, from everything we have seen.
    Map<String, Boolean> staffById = new HashMap<>();
    for (List<Feedback> list : List.of(previous, items)) {
      for (Feedback f : list) {
        if (f.author().id() != null) {
          staffById.put(f.author().id(), f.author().staff());
        }
      }
    }
    int replies = 0;
    int member = 0;
    int memberToMember = 0;
    for (Feedback f : items) {
      if (!isReply(f)) {
        continue;
      }
      replies++;
      if (!f.author().staff()) {
        member++;
        String to = f.thread().inReplyToAuthorId();
        if (to != null && !to.equals(f.author().id()) && Boolean.FALSE.equals(staffById.get(to))) {
          memberToMember++;
        }
      }
    }
    return new Community(replies, member, replies - member, memberToMember,
        replies == 0 ? null : member / (double) replies);
  }

  /** Themes by customer volume with their trends (the shared rule), plus the fastest riser. */
  private List<ThemeSummary> themes(PeriodFeedback data) {
    UnaryOperator<String> resolve = resolver(data);
    ThemeTrends.Result r = trendRule.compute(PeriodCounts.of(data.items(), resolve),
        data.earlier().stream().map(c -> c.resolved(resolve)).toList());
    List<ThemeTrend> shown = new ArrayList<>(r.themes().stream().filter(t -> t.volume() > 0)
        .limit(options.listLimit()).toList());
    r.fastestRiser().filter(t -> !shown.contains(t)).ifPresent(shown::add);
    if (shown.isEmpty()) {
      return List.of();
    }
    Map<String, List<Feedback>> byTheme = data.items().stream()
        .filter(f -> PeriodCounts.counts(f) && themeOf(f) != null && resolve.apply(themeOf(f)) != null)
        .collect(Collectors.groupingBy(f -> resolve.apply(themeOf(f))));
    Map<String, String> names = themeLabels(shown.stream().map(ThemeTrend::themeId).toList());
    return shown.stream().map(t -> {
      List<Feedback> mine = byTheme.getOrDefault(t.themeId(), List.of());
      return new ThemeSummary(t.themeId(), names.get(t.themeId()), (int) t.volume(), (int) t.previousVolume(),
          sentiment(mine).net(), customerVoice(mine).limit(2).map(Quotes::of).toList(), t);
    }).toList();
  }

  /** Merged theme ids count for their heir, as in the read API. */
  private UnaryOperator<String> resolver(PeriodFeedback data) {
    Set<String> ids = new HashSet<>();
    data.items().stream().map(DigestCalculator::themeOf).filter(Objects::nonNull).forEach(ids::add);
    data.earlier().forEach(c -> ids.addAll(c.byTheme().keySet()));
    Map<String, String> heirs;
    try {
      heirs = ids.isEmpty() ? Map.of() : labels.heirs(ids);
    } catch (RuntimeException e) {
      LOG.warn("theme merges unavailable: {}", e.toString());
      heirs = Map.of();
    }
    Map<String, String> known = heirs == null ? Map.of() : heirs;
    return id -> known.getOrDefault(id, id);
  }

  /** A theme's quotes are what customers say (its items are customer items only), newest first. */
  private static java.util.stream.Stream<Feedback> customerVoice(List<Feedback> items) {
    return newestFirst(items).stream().filter(f -> !f.text().isBlank() && !f.author().staff());
  }

  private Map<String, String> themeLabels(List<String> ids) {
    try {
      Map<String, String> m = labels.labels(ids);
      return m == null ? Map.of() : m;
    } catch (RuntimeException e) {
      // Labels are decoration: show the theme ids rather than fail the digest.
      LOG.warn("theme labels unavailable: {}", e.toString());
      return Map.of();
    }
  }

  private static String themeOf(Feedback f) {
    return f.enrichment() == null ? null : f.enrichment().themeId();
  }

  private Unanswered unanswered(PeriodFeedback data, Threads threads) {
    List<Feedback> waiting = data.items().stream()
        .filter(f -> !f.author().staff() && !isReply(f))
        .filter(f -> !f.createdAt().plus(options.replySla()).isAfter(data.now()))
        .filter(f -> !threads.answeredByOthers(f))
        .toList();
    return new Unanswered(waiting.size(), waiting.stream().limit(options.listLimit()).map(Quotes::of).toList());
  }

  private List<Advocate> advocates(List<Feedback> items) {
    Map<String, List<Feedback>> byAuthor = items.stream().filter(f -> !f.author().staff())
        .collect(Collectors.groupingBy(DigestCalculator::authorKey, LinkedHashMap::new, Collectors.toList()));
    List<Advocate> out = new ArrayList<>();
    for (List<Feedback> mine : byAuthor.values()) {
      Feedback latest = newestFirst(mine).get(0);
      int repliesToOthers = (int) mine.stream().filter(DigestCalculator::isReply)
          .filter(f -> !Objects.equals(f.thread().inReplyToAuthorId(), f.author().id())).count();
      out.add(new Advocate(latest.author().name(), latest.channel(), latest.permalink(), mine.size(),
          repliesToOthers, sentiment(mine).average()));
    }
    return out.stream()
        .filter(a -> a.messages() > 1 || a.repliesToOthers() > 0)
        .sorted(Comparator.comparingInt(Advocate::repliesToOthers).reversed()
            .thenComparing(Comparator.comparingInt(Advocate::messages).reversed())
            .thenComparing(Advocate::name))
        .limit(options.listLimit())
        .toList();
  }

  private List<Highlight> whatWorked(List<Feedback> items, Threads threads) {
    return items.stream().filter(f -> f.author().staff() && !isReply(f))
        .map(f -> new Highlight(Quotes.of(f), threads.memberRepliesTo(f)))
        .filter(h -> h.memberReplies() > 0)
        .sorted(Comparator.comparingInt(Highlight::memberReplies).reversed()
            .thenComparing(h -> h.quote().createdAt()))
        .limit(options.listLimit())
        .toList();
  }

  private List<Quote> latestQuotes(List<Feedback> items) {
    // The digest is the customers' voice: staff messages show under "what worked" instead.
    List<Feedback> newest = newestFirst(items).stream().filter(f -> !f.text().isBlank()).toList();
    List<Feedback> members = newest.stream().filter(f -> !f.author().staff()).toList();
    return (members.isEmpty() ? newest : members).stream().limit(options.quotes()).map(Quotes::of).toList();
  }

  private static List<Feedback> newestFirst(List<Feedback> items) {
    return items.stream().sorted(Comparator.comparing(Feedback::createdAt).reversed().thenComparing(Feedback::id))
        .toList();
  }

  static String authorKey(Feedback f) {
    Feedback.Author a = f.author();
    return f.channel() + ":" + (a.id() != null ? a.id() : a.name());
  }

  /** Who answered what, over the period and the reply window after it. */
  static final class Threads {
    private final Map<String, List<Feedback>> byParent = new HashMap<>();
    private final Map<String, List<Feedback>> byThread = new HashMap<>();

    Threads(List<Feedback> items, List<Feedback> after) {
      for (List<Feedback> list : List.of(items, after)) {
        for (Feedback f : list) {
          if (f.thread().parentId() != null) {
            byParent.computeIfAbsent(f.thread().parentId(), k -> new ArrayList<>()).add(f);
          }
          if (f.thread().threadId() != null && isReply(f)) {
            byThread.computeIfAbsent(f.thread().threadId(), k -> new ArrayList<>()).add(f);
          }
        }
      }
    }

    /** Replies to {@code root}: by parent id, or in its thread when it starts one. */
    List<Feedback> repliesTo(Feedback root) {
      Set<String> seen = new HashSet<>();
      List<Feedback> out = new ArrayList<>();
      for (Feedback r : byParent.getOrDefault(root.id(), List.of())) {
        if (seen.add(r.id())) {
          out.add(r);
        }
      }
      if (root.thread().threadId() != null && root.thread().parentId() == null) {
        for (Feedback r : byThread.getOrDefault(root.thread().threadId(), List.of())) {
          if (!r.id().equals(root.id()) && seen.add(r.id())) {
            out.add(r);
          }
        }
      }
      return out;
    }

    boolean answeredByOthers(Feedback root) {
      String me = authorKey(root);
      return repliesTo(root).stream().anyMatch(r -> !authorKey(r).equals(me));
    }

    int memberRepliesTo(Feedback root) {
      return (int) repliesTo(root).stream().filter(r -> !r.author().staff()).count();
    }
  }
}
