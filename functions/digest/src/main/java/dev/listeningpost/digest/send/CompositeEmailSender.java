package dev.listeningpost.digest.send;

import java.util.List;

/**
 * Sends through several transports in order (local mode: outbox, then a local SES endpoint).
 * The email counts as sent only if every transport accepted it; the last transport's message
 * id is returned, so put the one whose id matters (SES) last.
 */
public class CompositeEmailSender implements EmailSender {
  private final List<EmailSender> senders;

  public CompositeEmailSender(List<EmailSender> senders) {
    if (senders.isEmpty()) {
      throw new IllegalArgumentException("no email transport configured");
    }
    this.senders = List.copyOf(senders);
  }

  public List<EmailSender> senders() {
    return senders;
  }

  @Override
  public String send(OutgoingEmail email) {
    String id = null;
    for (EmailSender s : senders) {
      id = s.send(email);
    }
    return id;
  }
}
