package dev.listeningpost.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.ChannelFixtures;
import dev.listeningpost.ingest.Contexts;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.TestRequests;
import dev.listeningpost.ingest.WebhookException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XAdapterTest {
  private final XAdapter x = new XAdapter();

  private Delivery parse(String file) {
    HttpRequest r = TestRequests.x(ChannelFixtures.X, TestRequests.event("ingest/x/" + file));
    x.verify(r, Contexts.of("x"));
    return x.parse(r, Contexts.of("x"));
  }

  @Test
  void answersTheCrcWithAnIndependentlyComputedToken() {
    // X's sample consumer secret and crc_token (developer docs' CRC examples); the expected token was
    // computed with Python's hmac + base64 modules.
    HttpRequest crc = new HttpRequest("GET", "/webhooks/x", Map.of(),
        Map.of("crc_token", "9b4507b3-9040-4669-9ca3-6b94edb50553"), null);
    HttpResponse r = x.handshake(crc, Contexts.of("x", null,
        Map.of("X_CONSUMER_SECRET", "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu"), ""));
    assertEquals(200, r.status());
    assertEquals("{\"response_token\":\"sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=\"}", r.body());
    assertEquals(400, assertThrows(WebhookException.class,
        () -> x.handshake(new HttpRequest("GET", "/webhooks/x", Map.of(), Map.of(), null), Contexts.of("x"))).status());
  }

  @Test
  void theCrcIsNoSigningOracleForADeliveryBody() {
    // The CRC answer is the HMAC a delivery's signature header carries: a body sent as crc_token must
    // never be answered, or anyone could sign (store or delete) X items.
    String body = new String(TestRequests.event("ingest/x/tweet-create-mention.json"), StandardCharsets.UTF_8);
    for (String token : new String[] {body, "{}", "a b", "x".repeat(XAdapter.MAX_CRC_TOKEN + 1)}) {
      HttpRequest crc = new HttpRequest("GET", "/webhooks/x", Map.of(), Map.of("crc_token", token), null);
      WebhookException e = assertThrows(WebhookException.class, () -> x.handshake(crc, Contexts.of("x")));
      assertEquals(400, e.status());
    }
  }

  @Test
  void aMentionIsStoredWithUnescapedTextAndAPermalink() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("tweet-create-mention.json").changes().get(0)).item();
    assertEquals(FeedbackIds.of("x", "2244994945", "1991919191919191919"), f.id());
    assertEquals(Feedback.Kind.MENTION, f.kind());
    assertEquals("@acme the CSV export keeps timing out on big workspaces & support is slow to answer. Any ETA? #exports", f.text());
    assertEquals("https://x.com/lin_builds/status/1991919191919191919", f.permalink());
    assertEquals("lin_builds", f.author().handle());
    assertFalse(f.author().staff());
    assertEquals(Instant.parse("2025-11-21T17:30:00Z"), f.createdAt());
  }

  @Test
  void theBrandsReplyIsStaffAnsweringThePostAndDeletesTombstone() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("tweet-create-brand-reply.json").changes().get(0)).item();
    assertTrue(f.author().staff());
    assertEquals(Feedback.Kind.REPLY, f.kind());
    assertEquals(FeedbackIds.of("x", "2244994945", "1991919191919191919"), f.thread().parentId());
    assertEquals("1100220033", f.thread().inReplyToAuthorId());
    FeedbackChange.Delete d = assertInstanceOf(FeedbackChange.Delete.class, parse("tweet-delete.json").changes().get(0));
    assertEquals(FeedbackIds.of("x", "2244994945", "1991919191919191919"), d.id());
    assertEquals(Instant.ofEpochMilli(1763750000000L), d.deletedAt());
  }

  @Test
  void likesAreNotFeedback() {
    assertTrue(parse("favorite.json").changes().isEmpty());
  }

  @Test
  void aUserEventWithoutForUserIdIsAcknowledgedAndIgnored() {
    Delivery d = parse("user-event-revoke.json");
    assertTrue(d.changes().isEmpty());
    assertTrue(d.note().contains("without post events"));
  }
}
