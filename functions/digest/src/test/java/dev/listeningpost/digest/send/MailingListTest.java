package dev.listeningpost.digest.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailingListTest {

  @Test
  void defaultsDeriveFromTheSendersDomainAndOfferMailtoOnly() {
    assertEquals(List.of(
            new MailHeader("List-Id", "Listening Post digest <digest.acme.example>"),
            new MailHeader("List-Unsubscribe", "<mailto:digest@Acme.example?subject=unsubscribe>"),
            new MailHeader("Auto-Submitted", "auto-generated")),
        MailingList.forSender("Digest <digest@Acme.example>").headersFor("ceo@acme.example"));
  }

  @Test
  void aOneClickUrlAddsListUnsubscribePostAndNamesTheRecipient() {
    MailingList list = MailingList.forSender("digest@acme.example", "news.acme.example", "",
        "https://acme.example/u?r={recipient}");
    assertEquals(List.of(
            new MailHeader("List-Id", "Listening Post digest <news.acme.example>"),
            new MailHeader("List-Unsubscribe",
                "<mailto:digest@acme.example?subject=unsubscribe>, <https://acme.example/u?r=a%2Bb%40acme.example>"),
            new MailHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            new MailHeader("Auto-Submitted", "auto-generated")),
        list.headersFor("a+b@acme.example"));
  }

  @Test
  void oneClickNeedsHttps() {
    assertThrows(IllegalArgumentException.class,
        () -> MailingList.forSender("digest@acme.example", "", "", "http://acme.example/u"));
  }

  @Test
  void aMessageIdIsOnTheSendersDomain() {
    assertEquals("acme.example", MimeMessages.newMessageId("Digest <digest@acme.example>")
        .replaceAll("^<[^@]+@(.*)>$", "$1"));
  }
}
