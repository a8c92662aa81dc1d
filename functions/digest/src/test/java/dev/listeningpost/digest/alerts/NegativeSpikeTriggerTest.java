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

class NegativeSpikeTriggerTest {
  private final NegativeSpikeTrigger trigger = new NegativeSpikeTrigger(RULE, CustomerVoice.of("acme, @AcmeHelp"), LABELS, 3);

  @Test
  void aSignificantRiseOfTheNegativeShareAlerts() {
    // Usually 10% negative (48 of 480); this hour 50% (20 of 40).
    List<Alert> alerts = trigger.evaluate(input(items(WINDOW, 40, 20, "theme-csv-export"), items(BASELINE, 480, 48, null)));

    assertEquals(1, alerts.size(), alerts::toString);
    Alert a = alerts.get(0);
    assertEquals(AlertKind.NEGATIVE_SPIKE, a.kind());
    assertEquals("negative-spike#customers#2026-11-17T10:00:00Z", a.key());
    assertEquals("csv export", a.theme(), "the theme most negative messages carry, by its label");
    assertEquals(3, a.messages().size());
    assertTrue(a.messages().stream().allMatch(m -> m.permalink().startsWith("https://")), a::toString);
    assertTrue(a.facts().get(0).startsWith("20 of 40 customer messages were negative (50%), against 10% (48 of 480)"),
        a.facts()::toString);
  }

  @Test
  void theSameShareAtAHigherVolumeDoesNotAlert() {
    // A busy hour: four times the usual volume, the usual 10% negative.
    List<Alert> alerts = trigger.evaluate(input(items(WINDOW, 80, 8, null), items(BASELINE, 480, 48, null)));

    assertEquals(List.of(), alerts);
  }

  @Test
  void aHandfulOfNegativeMessagesInAQuietHourIsNoSpike() {
    List<Alert> alerts = trigger.evaluate(input(items(WINDOW, 4, 4, null), items(BASELINE, 480, 48, null)));

    assertEquals(List.of(), alerts, "fewer negative messages than alerts.min-volume");
  }

  @Test
  void staffAndBrandRepliesAreNotCustomerVoice() {
    List<Feedback> current = new ArrayList<>(items(WINDOW, 40, 4, null));
    // The brand's handle and the support staff complain a lot this hour: not customers.
    for (Feedback f : items(WINDOW, 40, 40, null)) {
      boolean brand = current.size() % 2 == 0;
      current.add(f.toBuilder().author(brand ? new Feedback.Author("B1", "AcmeHelp", "Acme Help", false)
          : new Feedback.Author("S1", "sam", "Sam", true)).build());
    }

    assertEquals(List.of(), trigger.evaluate(input(current, items(BASELINE, 480, 48, null))));
  }
}
