package dev.listeningpost.digest.send;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What marks the digest as an automated list mail, so mailbox providers file it well and offer an
 * unsubscribe button: {@code List-Id} (RFC 2919), {@code List-Unsubscribe} with a mailto and, when an
 * HTTPS URL is configured, one-click {@code List-Unsubscribe-Post} (RFC 8058), and
 * {@code Auto-Submitted: auto-generated} (RFC 3834, so auto-responders stay quiet).
 *
 * @param listId           the list's identifier, a domain-like name, e.g. {@code digest.example.com}
 * @param unsubscribeEmail where an unsubscribe request is mailed; empty = no mailto
 * @param unsubscribeUrl   one-click unsubscribe URL (https); {@code {recipient}} is replaced by the
 *                         URL-encoded recipient address; empty = mailto only
 */
public record MailingList(String listId, String unsubscribeEmail, String unsubscribeUrl) {
  static final String LIST_NAME = "Listening Post digest";

  public MailingList {
    listId = listId == null ? "" : listId.strip();
    unsubscribeEmail = unsubscribeEmail == null ? "" : unsubscribeEmail.strip();
    unsubscribeUrl = unsubscribeUrl == null ? "" : unsubscribeUrl.strip();
    if (!listId.isEmpty() && !listId.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("digest.list-id must be a domain-like name (letters, digits, dots, hyphens): "
          + listId);
    }
    if (!unsubscribeUrl.isEmpty() && !unsubscribeUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
      // RFC 8058: one-click unsubscribe needs an HTTPS URI.
      throw new IllegalArgumentException("digest.unsubscribe-url must be an https:// URL");
    }
  }

  /**
   * The defaults for a sender: list id {@code digest.<sender's domain>}, unsubscribe requests mailed to
   * the sender, no one-click URL.
   */
  public static MailingList forSender(String sender) {
    return forSender(sender, "", "", "");
  }

  /** The configured values, each empty one derived from the sender as {@link #forSender(String)} says. */
  public static MailingList forSender(String sender, String listId, String unsubscribeEmail, String unsubscribeUrl) {
    String domain = domainOf(sender);
    return new MailingList(isBlank(listId) ? (domain.isEmpty() ? "" : "digest." + domain) : listId,
        isBlank(unsubscribeEmail) ? addressOf(sender) : addressOf(unsubscribeEmail),
        unsubscribeUrl);
  }

  /** The header fields for one recipient, in a fixed order. */
  public List<MailHeader> headersFor(String recipient) {
    List<MailHeader> headers = new ArrayList<>(4);
    if (!listId.isEmpty()) {
      headers.add(new MailHeader("List-Id", LIST_NAME + " <" + listId + ">"));
    }
    List<String> targets = new ArrayList<>(2);
    if (!unsubscribeEmail.isEmpty()) {
      targets.add("<mailto:" + unsubscribeEmail + "?subject=unsubscribe>");
    }
    if (!unsubscribeUrl.isEmpty()) {
      targets.add("<" + unsubscribeUrl.replace("{recipient}",
          URLEncoder.encode(recipient, StandardCharsets.UTF_8)) + ">");
    }
    if (!targets.isEmpty()) {
      headers.add(new MailHeader("List-Unsubscribe", String.join(", ", targets)));
    }
    if (!unsubscribeUrl.isEmpty()) {
      headers.add(new MailHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }
    headers.add(new MailHeader("Auto-Submitted", "auto-generated"));
    return List.copyOf(headers);
  }

  /** {@code digest@Example.com} for {@code Digest <digest@Example.com>}. */
  static String addressOf(String mailbox) {
    if (mailbox == null) {
      return "";
    }
    String a = mailbox.strip();
    int lt = a.lastIndexOf('<');
    return lt >= 0 && a.endsWith(">") ? a.substring(lt + 1, a.length() - 1).strip() : a;
  }

  /** {@code example.com} for {@code Digest <digest@Example.com>}; empty when there is no domain. */
  public static String domainOf(String mailbox) {
    String a = addressOf(mailbox);
    int at = a.lastIndexOf('@');
    String domain = at < 0 ? "" : a.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    return domain.matches("[a-z0-9.-]+") ? domain : "";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
