package dev.listeningpost.ingest.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.http.HttpRequest;
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

class ZendeskAdapterTest {
  private final ZendeskAdapter zendesk = new ZendeskAdapter();
  private static final String TICKET = FeedbackIds.of("zendesk", "acme", "ticket:5158");

  private Delivery parse(String file) {
    HttpRequest r = TestRequests.zendesk(ChannelFixtures.ZENDESK, Contexts.NOW, TestRequests.event("ingest/zendesk/" + file));
    zendesk.verify(r, Contexts.of("zendesk", "acme"));
    return zendesk.parse(r, Contexts.of("zendesk", "acme"));
  }

  @Test
  void verifiesTimestampPlusBodyAgainstAnIndependentlyComputedValue() {
    // base64(HMAC-SHA256(secret, timestamp + body)) computed with Python's hmac module, using the
    // static secret Zendesk's docs give for test webhooks
    String secret = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3RpbmdfdGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmc=";
    byte[] body = "{\"type\":\"zen:event-type:ticket.created\"}".getBytes(StandardCharsets.UTF_8);
    HttpRequest r = new HttpRequest("POST", "/webhooks/zendesk", Map.of(
        "X-Zendesk-Webhook-Signature-Timestamp", "2025-11-21T15:10:00Z",
        "X-Zendesk-Webhook-Signature", "hBEzxPYa+Pb7d1WmPsOMLhzbPgxzP1meIbFIafSEIGg="), Map.of(), body);
    var ctx = new dev.listeningpost.ingest.ChannelContext("zendesk", null, Instant.parse("2025-11-21T15:12:00Z"),
        new dev.listeningpost.ingest.secrets.EnvironmentSecretResolver(Map.of("ZENDESK_SIGNING_SECRET", secret)),
        new dev.listeningpost.ingest.staff.ConfiguredStaffDirectory(""));
    zendesk.verify(r, ctx);
    HttpRequest retimed = TestRequests.withHeader(r, "X-Zendesk-Webhook-Signature-Timestamp", "2025-11-21T15:10:01Z");
    assertEquals(401, assertThrows(WebhookException.class, () -> zendesk.verify(retimed, ctx)).status());
    HttpRequest notIso = TestRequests.withHeader(r, "X-Zendesk-Webhook-Signature-Timestamp", "yesterday");
    assertEquals(401, assertThrows(WebhookException.class, () -> zendesk.verify(notIso, ctx)).status());
  }

  @Test
  void aNewTicketIsOneItemLinkedToTheAgentView() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("ticket-created.json").changes().get(0)).item();
    assertEquals(TICKET, f.id());
    assertEquals(Feedback.Kind.TICKET, f.kind());
    assertEquals("CSV export failing\n\nHello, the CSV export fails for our account since Monday. We have about 50k rows.", f.text());
    assertEquals("https://acme.zendesk.com/agent/tickets/5158", f.permalink());
    assertEquals("cbe4028c-7239-495d-b020-f22348516046", f.deliveryId());
    assertFalse(f.author().staff());
  }

  @Test
  void agentCommentsAreStaffRepliesToTheRequester() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("ticket-comment-added.json").changes().get(0)).item();
    assertTrue(f.author().staff());
    assertEquals("Maria Agent", f.author().displayName());
    assertEquals(TICKET, f.thread().parentId());
    assertEquals("8447388090494", f.thread().inReplyToAuthorId());
    assertEquals(Instant.parse("2025-11-21T15:40:00.112233445Z"), f.createdAt());
  }

  @Test
  void satisfactionRatingsCarryAScoreAndReplaceEarlierRatings() {
    FeedbackChange.Edit e = assertInstanceOf(FeedbackChange.Edit.class, parse("satisfaction-rated.json").changes().get(0));
    assertEquals(0.0, e.item().score());
    assertEquals(Feedback.Kind.SURVEY_ANSWER, e.item().kind());
    assertEquals("Took three days to get an answer.", e.item().text());
    assertEquals(FeedbackIds.of("zendesk", "acme", "satisfaction:5158"), e.item().id());
    assertEquals(1.0, ZendeskAdapter.score("good"));
    assertEquals(4.0, ZendeskAdapter.score("4"));
    assertNull(ZendeskAdapter.score("unoffered"));
  }

  @Test
  void unusedEventsStoreNothing() {
    assertTrue(parse("ticket-priority-changed.json").changes().isEmpty());
  }
}
