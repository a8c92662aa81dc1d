package dev.listeningpost.digest.send;

import java.util.Objects;

/**
 * One email to one recipient.
 *
 * @param reference what the email is about, e.g. the period id {@code 2026-W47} (file names, logs)
 */
public record OutgoingEmail(String reference, String from, String to, String subject, String html, String text) {
  public OutgoingEmail {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
  }
}
