package dev.listeningpost.digest.alerts;

import dev.listeningpost.digest.Items;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.digest.wiring.AlertsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Windows of analysed feedback for the trigger tests. */
final class AlertFixtures {
  static final Instant NOW = Instant.parse("2026-11-17T11:05:00Z");
  static final AlertWindow WINDOW = AlertWindow.lastComplete(NOW, Duration.ofHours(1));
  static final AlertWindow BASELINE = WINDOW.before(24);
  static final ThemeTrends RULE = AlertsProperties.Alerts.defaults().rule();
  static final ThemeLabels LABELS = new ThemeLabels() {
    @Override
    public Map<String, String> labels(Collection<String> themeIds) {
      Map<String, String> out = new HashMap<>();
      themeIds.forEach(id -> out.put(id, id.replace("theme-", "").replace('-', ' ')));
      return out;
    }
  };

  private static int seq;

  private AlertFixtures() {
  }

  /** {@code n} analysed customer items in {@code span}, {@code negative} of them negative, spread evenly. */
  static List<Feedback> items(AlertWindow span, int n, int negative, String theme) {
    List<Feedback> out = new ArrayList<>();
    long step = span.length().toMillis() / Math.max(1, n);
    for (int i = 0; i < n; i++) {
      Feedback.Author who = new Feedback.Author("U" + (seq % 97), "user" + (seq % 97), null, false);
      Feedback f = Items.post("C1:" + (1_700_000_000 + seq++) + ".0001", who, span.start().plusMillis(i * step),
          i < negative ? "This is broken again" : "Works fine, thanks");
      out.add(i < negative ? Items.withSentiment(f, -0.6, "negative", theme)
          : Items.withSentiment(f, 0.4, "positive", theme));
    }
    return out;
  }

  static AlertInput input(List<Feedback> current, List<Feedback> baseline) {
    return new AlertInput(WINDOW, BASELINE, current, baseline);
  }
}
