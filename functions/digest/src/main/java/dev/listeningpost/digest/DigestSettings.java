package dev.listeningpost.digest;

import dev.listeningpost.digest.send.MailingList;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the digest job needs from configuration.
 *
 * @param zone       the time zone whose weeks are reported ({@code digest.time-zone})
 * @param sender     the From address, an SES-verified identity ({@code digest.sender})
 * @param recipients who receives the digest ({@code digest.recipients})
 * @param list       List-Id and unsubscribe header fields ({@code digest.list-id}, {@code digest.unsubscribe-*})
 */
public record DigestSettings(ZoneId zone, String sender, List<String> recipients, MailingList list) {
  public DigestSettings {
    Objects.requireNonNull(zone, "zone");
    recipients = recipients == null ? List.of()
        : recipients.stream().map(String::strip).filter(r -> !r.isEmpty()).distinct().toList();
    list = list == null ? MailingList.forSender(sender) : list;
  }

  /** The list header fields derived from the sender ({@link MailingList#forSender(String)}). */
  public DigestSettings(ZoneId zone, String sender, List<String> recipients) {
    this(zone, sender, recipients, null);
  }

  /** Parses a comma-separated recipient list. */
  public static List<String> parseRecipients(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return List.of(commaSeparated.split("[,;\\s]+")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
