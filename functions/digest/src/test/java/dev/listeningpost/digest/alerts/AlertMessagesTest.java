package dev.listeningpost.digest.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertMessagesTest {
  private static final Alert ALERT = new Alert(AlertKind.THEME_RISING, "theme-1", AlertFixtures.WINDOW,
      "Theme rising fast: \u201c<script>\u201d, 12 customer messages \u00d7 3", List.of("12 of 40 messages."), "<script>",
      List.of(new Alert.Message("Ada (@ada)", "slack", "I <3 this & that", "https://example.slack.com/p1"),
          new Alert.Message("Eve", "x", "click me", "javascript:alert(1)")));

  @Test
  void theEmailEscapesTextAndLinksOnlyHttpSources() {
    var email = AlertMessages.email(ALERT, "alerts@example.com", "cco@example.com");

    assertTrue(email.html().contains("I &lt;3 this &amp; that"), email.html());
    assertFalse(email.html().contains("<script>"), "the label is escaped");
    assertTrue(email.html().contains("href=\"https://example.slack.com/p1\""));
    assertFalse(email.html().contains("javascript:"), "an unsafe link is dropped");
    assertTrue(email.text().contains("  https://example.slack.com/p1\n"), email.text());
    assertTrue(email.text().contains("Window: 17 Nov 2026 10:00 to 11:00 UTC"), email.text());
  }

  @Test
  void theSnsMessageIsAChatNotificationWithAnAsciiSubject() throws Exception {
    AlertNotification n = AlertMessages.notification(ALERT);

    assertEquals("Theme rising fast: \"<script>\", 12 customer messages x 3", n.subject());
    JsonNode m = new ObjectMapper().readTree(n.message());
    assertEquals("1.0", m.path("version").asText());
    assertEquals("custom", m.path("source").asText());
    assertEquals(ALERT.title(), m.path("content").path("title").asText());
    assertTrue(m.path("content").path("description").asText().contains("<https://example.slack.com/p1|open>"));
    assertEquals("theme-rising#theme-1#2026-11-17T10:00:00Z", m.path("metadata").path("additionalContext").path("alertKey").asText());
    assertEquals("theme-rising", n.attributes().get("kind"));
  }

  @Test
  void aLongTitleIsCutBelowSnssSubjectLimit() {
    assertTrue(AlertMessages.snsSubject("x".repeat(300)).length() < 100);
  }
}
