package dev.listeningpost.digest.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Writes each email to a folder instead of (or as well as) sending it:
 * {@code {dir}/{reference}-{recipient}.eml} (open it in any mail client) and {@code .html}
 * (open it in a browser). Used by the local stack and for previews.
 */
public class OutboxEmailSender implements EmailSender {
  private final Path dir;
  private final Clock clock;

  public OutboxEmailSender(Path dir) {
    this(dir, Clock.systemUTC());
  }

  public OutboxEmailSender(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  public Path dir() {
    return dir;
  }

  /** Where the {@code .eml} for a reference and recipient goes. */
  public Path emlFile(String reference, String recipient) {
    return dir.resolve(baseName(reference, recipient) + ".eml");
  }

  public Path htmlFile(String reference, String recipient) {
    return dir.resolve(baseName(reference, recipient) + ".html");
  }

  @Override
  public String send(OutgoingEmail email) {
    try {
      String messageId = MimeMessages.newMessageId(email.from());
      Files.createDirectories(dir);
      write(emlFile(email.reference(), email.to()),
          MimeMessages.write(email, messageId, ZonedDateTime.now(clock)));
      write(htmlFile(email.reference(), email.to()), email.html());
      return messageId;
    } catch (IllegalArgumentException e) {
      throw new EmailDeliveryException("cannot write an email from " + email.from(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new EmailDeliveryException("outbox not writable: " + dir, e);
    }
  }

  private static void write(Path target, String content) throws IOException {
    // Write then move, so a reader never sees a half-written file.
    Path tmp = Files.createTempFile(target.getParent(), ".outbox", ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** {@code 2026-W47-ada_example.com}: safe on every file system. */
  static String baseName(String reference, String recipient) {
    return sanitize(reference) + "-" + sanitize(recipient.toLowerCase(Locale.ROOT));
  }

  private static String sanitize(String s) {
    String clean = s.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "_");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }
}
