package dev.listeningpost.digest.sections;

import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.digest.compose.Conversations;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.compose.Polarity;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A period's feedback with what several sections derive from it, computed once: the customer
 * items (the customer rule of {@link CustomerVoice}), who answered what, and the theme trends by
 * the rule the read API uses.
 */
public final class PeriodData {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodData.class);

  private final PeriodFeedback feedback;
  private final ComposeOptions options;
  private final CustomerVoice voice;
  private final ThemeTrends trendRule;
  private final List<Feedback> customers;
  private final Conversations conversations;
  private final Map<String, Boolean> customerById = new HashMap<>();
  private final UnaryOperator<String> resolve;
  private final ThemeTrends.Result trends;
  private final List<PeriodCounts> historyThemes;
  private final Map<String, List<Feedback>> themeItems = new HashMap<>();
  private final Map<String, String> labels;
  private final Sentiment sentiment;
  private final Map<String, Object> derived = new HashMap<>();
  private final Map<String, Boolean> brandHandle = new HashMap<>();

  public PeriodData(PeriodFeedback feedback, ComposeOptions options, ThemeLabels labels, CustomerVoice voice,
                    ThemeTrends trendRule) {
    this.feedback = feedback;
    this.options = options;
    this.voice = voice;
    this.trendRule = trendRule;
    this.customers = feedback.items().stream().filter(this::isCustomer).toList();
    this.conversations = new Conversations(feedback.items(), feedback.after());
    for (List<Feedback> list : List.of(feedback.items(), feedback.after())) {
      for (Feedback f : list) {
        if (f.author().id() != null) {
          customerById.put(f.author().id(), voice.isCustomer(f));
        }
      }
    }
    ThemeLabels source = labels == null ? ThemeLabels.NONE : labels;
    this.resolve = resolver(source);
    this.historyThemes = feedback.history().stream().map(h -> h.themes().resolved(resolve)).toList();
    this.trends = trendRule.compute(PeriodCounts.of(feedback.items(), resolve, voice), historyThemes);
    for (Feedback f : feedback.items()) {
      String theme = themeOf(f);
      if (theme != null) {
        themeItems.computeIfAbsent(theme, k -> new ArrayList<>()).add(f);
      }
    }
    this.labels = labels(source, trends.themes().stream().map(t -> t.themeId()).toList());
    this.sentiment = Sentiment.of(customers);
  }

  public PeriodFeedback feedback() {
    return feedback;
  }

  public ReportingPeriod period() {
    return feedback.period();
  }

  public ComposeOptions options() {
    return options;
  }

  public CustomerVoice voice() {
    return voice;
  }

  public ThemeTrends trendRule() {
    return trendRule;
  }

  /** Every item of the period, staff included. */
  public List<Feedback> items() {
    return feedback.items();
  }

  /** The period's customer items. */
  public List<Feedback> customers() {
    return customers;
  }

  public List<PeriodSummary> history() {
    return feedback.history();
  }

  public Conversations conversations() {
    return conversations;
  }

  public boolean isCustomer(Feedback f) {
    if (f.author().staff()) {
      return false;
    }
    String handle = f.author().handle();
    // Sections ask this for every item, several times: normalize each handle once.
    return handle == null || brandHandle.computeIfAbsent(handle, h -> !voice.isCustomer(false, h)) == Boolean.FALSE;
  }

  /** True when {@code authorId} wrote something in the period or its reply window, as a customer. */
  public boolean isKnownCustomer(String authorId) {
    return authorId != null && Boolean.TRUE.equals(customerById.get(authorId));
  }

  /** A customer's reply to another customer. */
  public boolean isMemberToMember(Feedback f) {
    return Conversations.isReply(f) && isCustomer(f) && isKnownCustomer(f.thread().inReplyToAuthorId())
        && !Objects.equals(f.thread().inReplyToAuthorId(), f.author().id());
  }

  /** Theme trends of the period (merged themes count for their heir). */
  public ThemeTrends.Result trends() {
    return trends;
  }

  /** Theme counts of the history periods (most recent first), merged themes counted for their heir. */
  public List<PeriodCounts> historyThemes() {
    return historyThemes;
  }

  /** The customer items that count for a (resolved) theme. */
  public List<Feedback> themeItems(String themeId) {
    return themeItems.getOrDefault(themeId, List.of());
  }

  /** The (resolved) theme an item counts for, null when it counts for none. */
  public String themeOf(Feedback f) {
    if (!PeriodCounts.counts(f, voice) || f.enrichment().themeId() == null) {
      return null;
    }
    return resolve.apply(f.enrichment().themeId());
  }

  /** The theme's label, or {@code Theme <id>} when no label source has one. */
  public String themeName(String themeId) {
    String l = labels.get(themeId);
    return l != null && !l.isBlank() ? l : "Theme " + themeId;
  }

  /** Customer sentiment of the period. */
  public Sentiment sentiment() {
    return sentiment;
  }

  /**
   * Something several sections derive from the period, computed once per key (e.g. which messages need an
   * answer, used by the headline and by "waiting").
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(String key, java.util.function.Supplier<T> compute) {
    Object v = derived.get(key);
    if (v == null) {
      v = compute.get();
      derived.put(key, v);
    }
    return (T) v;
  }

  /** A link under the configured public base URL, or null when none is configured. */
  public String publicLink(String path) {
    return options.publicBaseUrl().isEmpty() ? null : options.publicBaseUrl() + path;
  }

  private UnaryOperator<String> resolver(ThemeLabels source) {
    Set<String> ids = new HashSet<>();
    feedback.items().stream().map(f -> f.enrichment() == null ? null : f.enrichment().themeId())
        .filter(Objects::nonNull).forEach(ids::add);
    feedback.history().forEach(h -> ids.addAll(h.themes().byTheme().keySet()));
    Map<String, String> heirs;
    try {
      heirs = ids.isEmpty() ? Map.of() : source.heirs(ids);
    } catch (RuntimeException e) {
      LOG.warn("theme merges unavailable: {}", e.toString());
      heirs = Map.of();
    }
    Map<String, String> known = heirs == null ? Map.of() : heirs;
    return id -> known.getOrDefault(id, id);
  }

  private static Map<String, String> labels(ThemeLabels source, List<String> ids) {
    try {
      Map<String, String> m = ids.isEmpty() ? Map.of() : source.labels(ids);
      return m == null ? Map.of() : m;
    } catch (RuntimeException e) {
      // Labels are decoration: show the theme ids rather than fail the digest.
      LOG.warn("theme labels unavailable: {}", e.toString());
      return Map.of();
    }
  }

  /**
   * Sentiment counts of customer items: net = (positive − negative) / analyzed; mean = mean compound score
   * (the read API's theme sentiment).
   */
  public record Sentiment(int analyzed, int positive, int neutral, int negative, Double mean) {
    public static Sentiment of(List<Feedback> items) {
      int pos = 0;
      int neu = 0;
      int neg = 0;
      double sum = 0;
      int scored = 0;
      for (Feedback f : items) {
        Polarity p = Polarity.of(f);
        if (p == null) {
          continue;
        }
        switch (p) {
          case POSITIVE -> pos++;
          case NEGATIVE -> neg++;
          default -> neu++;
        }
        if (f.enrichment().sentiment() != null) {
          sum += f.enrichment().sentiment();
          scored++;
        }
      }
      return new Sentiment(pos + neu + neg, pos, neu, neg, scored == 0 ? null : sum / scored);
    }

    public Double net() {
      return analyzed == 0 ? null : (positive - negative) / (double) analyzed;
    }

    /** Net sentiment without {@code part}'s items, null when nothing would be left. */
    public Double netWithout(Sentiment part) {
      int n = analyzed - part.analyzed;
      return n <= 0 ? null : ((positive - part.positive) - (negative - part.negative)) / (double) n;
    }
  }
}
