package dev.listeningpost.digest.send;

import java.util.Objects;

/** One extra header field of an outgoing email, e.g. {@code List-Id}. */
public record MailHeader(String name, String value) {
  public MailHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!name.matches("[!-9;-~]{1,126}")) {
      // RFC 5322 field name (printable ASCII, no colon); SES's limit is 126 characters.
      throw new IllegalArgumentException("not a header field name: " + name);
    }
  }
}
