package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.voice.CustomerVoice;
import static dev.listeningpost.digest.alerts.AlertFixtures.LABELS;
import static dev.listeningpost.digest.alerts.AlertFixtures.WINDOW;
import static dev.listeningpost.digest.alerts.AlertFixtures.input;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.digest.Items;
import dev.listeningpost.feedback.Feedback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyAccountTriggerTest {
  private static final Feedback.Author CTO = new Feedback.Author("U-CTO", "bigcorp_cto", "Dana (BigCorp CTO)", false);
  private static final Feedback.Author ADA = new Feedback.Author("U-ADA", "ada", "Ada", false);

  private final KeyAccountTrigger trigger = new KeyAccountTrigger(new KeyAccounts("slack:bigcorp_cto, *:@bigcorp.com"),
      CustomerVoice.STAFF_ONLY, LABELS);

  @Test
  void aMessageFromAKeyAccountAlertsWithItsLink() {
    Feedback m = Items.withSentiment(Items.post("C1:1763370000.0001", CTO, WINDOW.start().plusSeconds(600),
        "We are evaluating alternatives"), -0.4, "negative", "theme-pricing");

    List<Alert> alerts = trigger.evaluate(input(List.of(m), List.of()));

    assertEquals(1, alerts.size(), alerts::toString);
    Alert a = alerts.get(0);
    assertEquals("key-account#" + m.id() + "#2026-11-17T10:00:00Z", a.key());
    assertEquals("Key account: Dana (BigCorp CTO) (@bigcorp_cto) on slack", a.title());
    assertEquals("pricing", a.theme());
    assertEquals(m.permalink(), a.messages().get(0).permalink());
  }

  @Test
  void otherAuthorsDoNotAlert() {
    Feedback m = Items.post("C1:1763370000.0002", ADA, WINDOW.start().plusSeconds(60), "Hello");

    assertEquals(List.of(), trigger.evaluate(input(List.of(m), List.of())));
  }

  @Test
  void anAuthorInAKeyDomainAlerts() {
    Feedback m = Items.post("zendesk", "T-1", new Feedback.Author("lee@BigCorp.com", "lee@bigcorp.com", "Lee", false),
        WINDOW.start().plusSeconds(60), "Ticket");

    assertEquals(1, trigger.evaluate(input(List.of(m), List.of())).size());
  }

  @Test
  void aMessageOfThePreviousWindowStillAlertsUnderItsOwnWindow() {
    Feedback late = Items.post("C1:1763370000.0003", CTO, WINDOW.start().minus(Duration.ofMinutes(10)), "Any news?");

    List<Alert> alerts = trigger.evaluate(input(List.of(), List.of(late)));

    assertEquals(1, alerts.size());
    assertEquals("2026-11-17T09:00:00Z", alerts.get(0).window().id(), "keyed by the window it was written in");
  }

  @Test
  void staffNeverCountAsAKeyAccount() {
    Feedback m = Items.post("C1:1763370000.0004", new Feedback.Author("U-CTO", "bigcorp_cto", "Dana", true),
        WINDOW.start().plusSeconds(60), "Reply from staff");

    assertEquals(List.of(), trigger.evaluate(input(List.of(m), List.of())));
  }
}
