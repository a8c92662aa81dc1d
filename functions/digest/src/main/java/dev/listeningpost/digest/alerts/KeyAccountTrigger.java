package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.voice.CustomerVoice;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.Feedback;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A message from a key account ({@code alerts.key-accounts}). Each message raises its own alert, keyed by
 * the item id and the window it was written in, so a message is alerted once however many runs see it.
 * The window before the checked one is looked at too: a delivery that arrived late, or a run that failed
 * for good, still alerts an hour later. Staff and the brand's handles never count as key accounts.
 */
public final class KeyAccountTrigger implements AlertTrigger {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ROOT)
      .withZone(java.time.ZoneOffset.UTC);

  private final KeyAccounts accounts;
  private final CustomerVoice voice;
  private final ThemeLabels labels;

  public KeyAccountTrigger(KeyAccounts accounts, CustomerVoice voice, ThemeLabels labels) {
    this.accounts = accounts;
    this.voice = voice;
    this.labels = labels;
  }

  @Override
  public List<Alert> evaluate(AlertInput input) {
    if (accounts.isEmpty()) {
      return List.of();
    }
    AlertWindow lookback = new AlertWindow(input.window().start().minus(input.window().length()), input.window().end());
    List<Feedback> hits = new ArrayList<>();
    input.baseline().stream().filter(f -> lookback.contains(f.createdAt())).forEach(hits::add);
    hits.addAll(input.current());
    hits.removeIf(f -> !voice.isCustomer(f) || !accounts.matches(f));
    if (hits.isEmpty()) {
      return List.of();
    }
    Set<String> themeIds = hits.stream().map(KeyAccountTrigger::themeId).filter(t -> t != null).collect(Collectors.toSet());
    Map<String, String> label = labels.labels(themeIds);
    List<Alert> out = new ArrayList<>();
    for (Feedback f : hits) {
      Alert.Message quote = Messages.quote(f);
      String theme = themeId(f) == null ? null : label.get(themeId(f));
      List<String> facts = new ArrayList<>();
      facts.add(quote.author() + " wrote on " + f.channel() + ", " + WHEN.format(f.createdAt()) + ".");
      if (f.enrichment() != null && f.enrichment().sentimentLabel() != null) {
        facts.add("Sentiment: " + f.enrichment().sentimentLabel().toLowerCase(Locale.ROOT) + ".");
      }
      if (theme != null) {
        facts.add("Theme: \u201c" + theme + "\u201d.");
      }
      out.add(new Alert(AlertKind.KEY_ACCOUNT, f.id(), input.window().containing(f.createdAt()),
          "Key account: " + quote.author() + " on " + f.channel(), facts, theme, List.of(quote)));
    }
    return out;
  }

  private static String themeId(Feedback f) {
    return f.enrichment() == null ? null : f.enrichment().themeId();
  }
}
