package dev.listeningpost.digest.alerts;

import java.util.List;
import java.util.Objects;

/**
 * One alert, before it is sent.
 *
 * @param kind     why it was raised
 * @param subject  what it is about: {@code customers} for a spike, the theme id, the feedback item id
 * @param window   the window whose data raised it
 * @param title    one line, the email subject and the chat title
 * @param facts    the numbers behind it, one sentence each
 * @param theme    the theme's readable label, null when the alert is not about a theme
 * @param messages the messages behind it, each with its link back to the platform, most telling first
 */
public record Alert(AlertKind kind, String subject, AlertWindow window, String title, List<String> facts,
                    String theme, List<Message> messages) {
  public Alert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(title, "title");
    facts = List.copyOf(facts);
    messages = List.copyOf(messages);
  }

  /** A message quoted in an alert: who, where, what, and its permalink (null where the platform has none). */
  public record Message(String author, String channel, String text, String permalink) {
  }

  /** Never the same alert twice: one idempotency record per key (kind, subject, window). */
  public String key() {
    return kind.wire() + "#" + subject + "#" + window.id();
  }
}
