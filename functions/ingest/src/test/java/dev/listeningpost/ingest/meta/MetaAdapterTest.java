package dev.listeningpost.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaAdapterTest {
  private final MetaAdapter meta = new MetaAdapter();
  private static final String PAGE = "104400112233445";

  private Delivery parse(String file) {
    HttpRequest r = TestRequests.meta(ChannelFixtures.META, TestRequests.event("ingest/meta/" + file));
    meta.verify(r, Contexts.of("meta"));
    return meta.parse(r, Contexts.of("meta"));
  }

  private static HttpRequest subscribe(String token) {
    return new HttpRequest("GET", "/webhooks/meta", Map.of(),
        Map.of("hub.mode", "subscribe", "hub.verify_token", token, "hub.challenge", "1158201444"), null);
  }

  @Test
  void echoesTheChallengeOnlyForTheConfiguredVerifyToken() {
    HttpResponse ok = meta.handshake(subscribe(ChannelFixtures.META_VERIFY), Contexts.of("meta"));
    assertEquals(200, ok.status());
    assertEquals("1158201444", ok.body());
    assertTrue(ok.contentType().startsWith("text/plain"));
    assertEquals(403, assertThrows(WebhookException.class, () -> meta.handshake(subscribe("guess"), Contexts.of("meta"))).status());
    assertEquals(403, assertThrows(WebhookException.class, () -> meta.handshake(
        new HttpRequest("GET", "/webhooks/meta", Map.of(), Map.of("hub.challenge", "1"), null), Contexts.of("meta"))).status());
  }

  @Test
  void aPageCommentLinksToItsPost() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("page-feed-comment.json").changes().get(0)).item();
    assertEquals(FeedbackIds.of("meta", PAGE, "998877665544332_1122334455667788"), f.id());
    assertEquals(Feedback.Kind.COMMENT, f.kind());
    assertEquals("Love the new dashboard, but exports are still slow #exports", f.text());
    assertEquals("https://www.facebook.com/104400112233445_998877665544332?comment_id=1122334455667788", f.permalink());
    assertEquals(FeedbackIds.of("meta", PAGE, "104400112233445_998877665544332"), f.thread().parentId());
  }

  @Test
  void batchedEntriesAreSplitThePageIsStaffAndReactionsIgnored() {
    Delivery d = parse("page-feed-batch.json");
    assertEquals(1, d.changes().size());
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, d.changes().get(0)).item();
    assertTrue(f.author().staff(), "the page replying as itself");
    assertEquals(Feedback.Kind.REPLY, f.kind());
    assertEquals(FeedbackIds.of("meta", PAGE, "998877665544332_1122334455667788"), f.thread().parentId());
  }

  @Test
  void editsRemovalsAndInstagram() {
    String id = FeedbackIds.of("meta", PAGE, "998877665544332_1122334455667788");
    assertEquals(id, assertInstanceOf(FeedbackChange.Edit.class, parse("page-feed-comment-edited.json").changes().get(0)).item().id());
    assertEquals(id, assertInstanceOf(FeedbackChange.Delete.class, parse("page-feed-comment-removed.json").changes().get(0)).id());
    Feedback ig = assertInstanceOf(FeedbackChange.Create.class, parse("instagram-comment.json").changes().get(0)).item();
    assertEquals("noor.designs", ig.author().handle());
    assertEquals("Is dark mode coming? \ud83c\udf19 #darkmode", ig.text());
    assertNull(ig.permalink());
    assertTrue(parse("page-ratings.json").changes().isEmpty());
  }
}
