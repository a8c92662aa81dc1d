package dev.listeningpost.digest.send;

import java.util.List;
import java.util.Objects;

/**
 * One email to one recipient.
 *
 * @param reference what the email is about, e.g. the period id {@code 2026-W47} (file names, logs)
 * @param headers   extra header fields every transport sends as given (List-Id, List-Unsubscribe, ...)
 */
public record OutgoingEmail(String reference, String from, String to, String subject, String html, String text,
                            List<MailHeader> headers) {
  public OutgoingEmail {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** An email without extra header fields. */
  public OutgoingEmail(String reference, String from, String to, String subject, String html, String text) {
    this(reference, from, to, subject, html, text, List.of());
  }
}
