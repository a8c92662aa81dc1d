package dev.listeningpost.digest.send;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * Writes an RFC 5322 / MIME {@code multipart/alternative} message (text first, HTML preferred),
 * CRLF line endings, UTF-8 parts in base64, non-ASCII headers as RFC 2047 encoded words.
 */
public final class MimeMessages {
  private static final String CRLF = "\r\n";

  private MimeMessages() {
  }

  /**
   * A new Message-ID on the sender's own domain (RFC 5322 3.6.4: the right side names the host that
   * made it, never a domain the sender does not control).
   */
  public static String newMessageId(String from) {
    String domain = MailingList.domainOf(from);
    if (domain.isEmpty()) {
      throw new IllegalArgumentException("the From address has no domain: " + from);
    }
    return "<" + UUID.randomUUID() + "@" + domain + ">";
  }

  public static String write(OutgoingEmail email, String messageId, ZonedDateTime date) {
    String boundary = "lp-" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder b = new StringBuilder(email.html().length() * 4 / 3 + email.text().length() * 4 / 3 + 1024);
    header(b, "From", email.from());
    header(b, "To", email.to());
    header(b, "Subject", encodeWord(email.subject()));
    header(b, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
    header(b, "Message-ID", messageId);
    for (MailHeader h : email.headers()) {
      header(b, h.name(), h.value());
    }
    header(b, "MIME-Version", "1.0");
    header(b, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
    b.append(CRLF);
    part(b, boundary, "text/plain", email.text());
    part(b, boundary, "text/html", email.html());
    b.append("--").append(boundary).append("--").append(CRLF);
    return b.toString();
  }

  private static void header(StringBuilder b, String name, String value) {
    // Header values come from configuration and subjects: never let them inject headers.
    b.append(name).append(": ").append(value.replaceAll("[\\r\\n]+", " ")).append(CRLF);
  }

  private static void part(StringBuilder b, String boundary, String type, String content) {
    b.append("--").append(boundary).append(CRLF)
        .append("Content-Type: ").append(type).append("; charset=UTF-8").append(CRLF)
        .append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF);
    String encoded = Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII))
        .encodeToString(content.getBytes(StandardCharsets.UTF_8));
    b.append(encoded).append(CRLF);
  }

  /** RFC 2047 B-encoding when needed, split so no encoded word exceeds 75 characters. */
  static String encodeWord(String s) {
    if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int end = i;
      int bytes = 0;
      // 45 bytes of UTF-8 -> 60 base64 chars, + 12 for "=?UTF-8?B??=": within 75.
      while (end < s.length()) {
        int cp = s.codePointAt(end);
        int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes + len > 45) {
          break;
        }
        bytes += len;
        end += Character.charCount(cp);
      }
      if (out.length() > 0) {
        out.append(CRLF).append(' ');
      }
      out.append("=?UTF-8?B?").append(Base64.getEncoder()
          .encodeToString(s.substring(i, end).getBytes(StandardCharsets.UTF_8))).append("?=");
      i = end;
    }
    return out.toString();
  }
}
