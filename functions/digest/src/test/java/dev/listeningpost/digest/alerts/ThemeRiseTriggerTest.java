package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.voice.CustomerVoice;
import static dev.listeningpost.digest.alerts.AlertFixtures.BASELINE;
import static dev.listeningpost.digest.alerts.AlertFixtures.LABELS;
import static dev.listeningpost.digest.alerts.AlertFixtures.RULE;
import static dev.listeningpost.digest.alerts.AlertFixtures.WINDOW;
import static dev.listeningpost.digest.alerts.AlertFixtures.input;
import static dev.listeningpost.digest.alerts.AlertFixtures.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeRiseTriggerTest {
  private final ThemeRiseTrigger trigger = new ThemeRiseTrigger(RULE, CustomerVoice.STAFF_ONLY, LABELS, 2);

  @Test
  void aThemeRisingFarAboveItsUsualShareAlertsWithItsLabelAndQuotes() {
    List<Feedback> baseline = new ArrayList<>(items(BASELINE, 470, 0, "theme-dark-mode"));
    baseline.addAll(items(BASELINE, 10, 2, "theme-login-loop"));
    List<Feedback> current = new ArrayList<>(items(WINDOW, 20, 0, "theme-dark-mode"));
    current.addAll(items(WINDOW, 15, 10, "theme-login-loop"));

    List<Alert> alerts = trigger.evaluate(input(current, baseline));

    assertEquals(1, alerts.size(), alerts::toString);
    Alert a = alerts.get(0);
    assertEquals("theme-rising#theme-login-loop#2026-11-17T10:00:00Z", a.key());
    assertEquals("login loop", a.theme());
    assertTrue(a.title().contains("\u201clogin loop\u201d"), a.title());
    assertEquals(2, a.messages().size());
    assertEquals("This is broken again", a.messages().get(0).text(), "the most negative quoted first");
  }

  @Test
  void aThemeGrowingWithTheTotalDoesNotAlert() {
    List<Feedback> baseline = new ArrayList<>(items(BASELINE, 400, 0, "theme-dark-mode"));
    baseline.addAll(items(BASELINE, 80, 0, "theme-login-loop"));
    // Three times the usual hourly volume, same shares.
    List<Feedback> current = new ArrayList<>(items(WINDOW, 50, 0, "theme-dark-mode"));
    current.addAll(items(WINDOW, 10, 0, "theme-login-loop"));

    assertEquals(List.of(), trigger.evaluate(input(current, baseline)));
  }
}
