package dev.listeningpost.digest.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxEmailSenderTest {
  private static final OutgoingEmail EMAIL = new OutgoingEmail("2026-W47", "digest@example.com",
      "Ada.Lovelace+exec@Example.com",
      "Listening Post \u2014 week 2026-W47: 128 messages, net sentiment +0.21 \uD83D\uDE80 with a long tail to fold",
      "<html><body><p>caf\u00e9 &amp; \u201cquotes\u201d</p></body></html>", "caf\u00e9 & \u201cquotes\u201d\nline two\n");

  @Test
  void writesAValidMultipartAlternativeMessageAndAnHtmlPreview(@TempDir Path dir) throws Exception {
    OutboxEmailSender outbox = new OutboxEmailSender(dir.resolve("outbox"));
    String id = outbox.send(EMAIL);

    Path eml = dir.resolve("outbox/2026-W47-ada.lovelace_exec_example.com.eml");
    Path html = dir.resolve("outbox/2026-W47-ada.lovelace_exec_example.com.html");
    assertEquals(eml, outbox.emlFile("2026-W47", EMAIL.to()));
    assertTrue(Files.isRegularFile(eml));
    assertEquals(EMAIL.html(), Files.readString(html));

    String raw = Files.readString(eml, StandardCharsets.US_ASCII);
    assertFalse(raw.replace("\r\n", "").contains("\n"), "CRLF line endings only");
    assertTrue(raw.lines().allMatch(l -> l.length() <= 998), "RFC 5322 line length");
    assertTrue(raw.chars().allMatch(c -> c < 128), "7-bit transport safe");

    MimeMessage m;
    try (InputStream in = Files.newInputStream(eml)) {
      m = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertEquals(EMAIL.subject(), m.getSubject());
    assertEquals(new InternetAddress("digest@example.com"), m.getFrom()[0]);
    assertEquals(EMAIL.to(), ((InternetAddress) m.getAllRecipients()[0]).getAddress());
    assertEquals(id, m.getMessageID());
    assertTrue(m.getSentDate() != null);
    assertTrue(m.isMimeType("multipart/alternative"));
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertEquals(EMAIL.text(), parts.getBodyPart(0).getContent());
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertEquals(EMAIL.html(), parts.getBodyPart(1).getContent());
  }

  @Test
  void headerValuesCannotInjectHeaders(@TempDir Path dir) throws Exception {
    OutboxEmailSender outbox = new OutboxEmailSender(dir);
    outbox.send(new OutgoingEmail("2026-W47", "a@example.com", "b@example.com", "hi\r\nBcc: evil@example.com",
        "<p>x</p>", "x"));
    String raw = Files.readString(outbox.emlFile("2026-W47", "b@example.com"));
    assertFalse(raw.contains("\r\nBcc:"));
  }

  @Test
  void unwritableOutboxIsADeliveryFailure(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThrows(EmailDeliveryException.class, () -> new OutboxEmailSender(file).send(EMAIL));
  }

  @Test
  void compositeSendsThroughEveryTransport(@TempDir Path dir) {
    AtomicInteger calls = new AtomicInteger();
    EmailSender counting = e -> "ses-" + calls.incrementAndGet();
    CompositeEmailSender both = new CompositeEmailSender(java.util.List.of(new OutboxEmailSender(dir), counting));
    assertEquals("ses-1", both.send(EMAIL));
    assertTrue(Files.exists(dir.resolve("2026-W47-ada.lovelace_exec_example.com.eml")));
  }
}
