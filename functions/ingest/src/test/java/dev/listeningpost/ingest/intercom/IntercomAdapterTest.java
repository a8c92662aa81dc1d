package dev.listeningpost.ingest.intercom;

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

class IntercomAdapterTest {
  private final IntercomAdapter intercom = new IntercomAdapter();
  private static final String CONVERSATION = FeedbackIds.of("intercom", "abc12def", "conversation:147000000123456");

  private Delivery parse(String file) {
    HttpRequest r = TestRequests.intercom(ChannelFixtures.INTERCOM, TestRequests.event("ingest/intercom/" + file));
    intercom.verify(r, Contexts.of("intercom"));
    return intercom.parse(r, Contexts.of("intercom"));
  }

  @Test
  void verifiesSha1SignaturesAgainstAnIndependentlyComputedValue() {
    // HMAC-SHA1("intercom-client-secret", body) computed with Python's hmac module
    byte[] body = "{\"type\":\"notification_event\",\"topic\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
    HttpRequest r = new HttpRequest("POST", "/webhooks/intercom",
        Map.of("X-Hub-Signature", "sha1=9e8917a4fdd555230bacda28c913e3e456660272"), Map.of(), body);
    intercom.verify(r, Contexts.of("intercom", null, Map.of("INTERCOM_CLIENT_SECRET", "intercom-client-secret"), ""));
    assertThrows(WebhookException.class, () -> intercom.verify(r, Contexts.of("intercom")));
  }

  @Test
  void aNewConversationIsOneItemWithTheInboxLink() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("conversation-user-created.json").changes().get(0)).item();
    assertEquals(CONVERSATION, f.id());
    assertEquals("Hi! The CSV export keeps timing out & I need it for our board meeting.", f.text());
    assertEquals("Ada Lovelace", f.author().displayName());
    assertFalse(f.author().staff());
    assertEquals("https://app.intercom.com/a/apps/abc12def/conversations/147000000123456", f.permalink());
    assertEquals(Instant.ofEpochSecond(1763730000), f.createdAt());
    assertEquals("notif_6b2c1f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", f.deliveryId());
  }

  @Test
  void adminRepliesAreStaffAnsweringTheCustomerAndBotPartsAreSkipped() {
    Delivery d = parse("conversation-admin-replied.json");
    assertEquals(1, d.changes().size(), "the bot's assignment part is not feedback");
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, d.changes().get(0)).item();
    assertEquals(FeedbackIds.of("intercom", "abc12def", "part:31415926535"), f.id());
    assertTrue(f.author().staff());
    assertEquals(Feedback.Kind.REPLY, f.kind());
    assertEquals(CONVERSATION, f.thread().parentId());
    assertEquals("6560c3e1a2b4c50012d3e4f5", f.thread().inReplyToAuthorId());

    Feedback user = assertInstanceOf(FeedbackChange.Create.class, parse("conversation-user-replied.json").changes().get(0)).item();
    assertFalse(user.author().staff());
    assertNull(user.thread().inReplyToAuthorId());
    assertEquals("That worked, thank you! \ud83d\ude4f", user.text());
  }

  @Test
  void pingAndUnusedTopicsStoreNothing() {
    assertTrue(parse("ping.json").changes().isEmpty());
    assertTrue(parse("conversation-admin-closed.json").note().contains("conversation.admin.closed"));
  }

  @Test
  void anApi1ConversationCarriesItsOpeningMessageInConversationMessage() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("conversation-user-created-api1.json").changes().get(0)).item();
    assertEquals(FeedbackIds.of("intercom", "abc12def", "conversation:147000000654321"), f.id());
    assertEquals("Hello! Is there a way to schedule the weekly report for Mondays?", f.text());
    assertEquals("5310d8e7598c9a0b24000002", f.author().id());
    assertFalse(f.author().staff());
    assertEquals(Instant.ofEpochSecond(1763733600), f.createdAt());
  }

  @Test
  void anAdminReplyDeliveredAsAnAssignmentIsAStaffReply() {
    Delivery d = parse("conversation-admin-assigned-with-reply.json");
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, d.changes().get(0)).item();
    assertEquals(FeedbackIds.of("intercom", "abc12def", "part:31415926599"), f.id());
    assertEquals("Thanks Ada, I'm handing this to our data team: Priya will follow up today.", f.text());
    assertTrue(f.author().staff());
    assertEquals(Feedback.Kind.REPLY, f.kind());
    assertEquals("6560c3e1a2b4c50012d3e4f5", f.thread().inReplyToAuthorId());
  }

  @Test
  void aBareAssignmentStoresNothing() {
    Delivery d = parse("conversation-admin-assigned.json");
    assertTrue(d.changes().isEmpty());
    assertTrue(d.note() != null);
  }
}
