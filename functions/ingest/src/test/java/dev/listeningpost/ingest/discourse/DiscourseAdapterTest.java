package dev.listeningpost.ingest.discourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiscourseAdapterTest {
  private final DiscourseAdapter discourse = new DiscourseAdapter();
  private static final String ROOT = FeedbackIds.of("discourse", "forum.example.com", "t1234/p1");

  private Delivery parse(String event, String file) {
    HttpRequest r = TestRequests.discourse(ChannelFixtures.DISCOURSE, event, TestRequests.event("ingest/discourse/" + file));
    discourse.verify(r, Contexts.of("discourse"));
    return discourse.parse(r, Contexts.of("discourse"));
  }

  @Test
  void normalizesCookedHtmlAndBuildsThePermalink() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("post_created", "post-created.json").changes().get(0)).item();
    assertEquals(ROOT, f.id());
    assertEquals("forum.example.com", f.workspace());
    assertEquals(Feedback.Kind.POST, f.kind());
    assertEquals("Exporting a large report to CSV takes minutes & sometimes fails. Related :slight_frown: #exports", f.text());
    assertEquals("https://forum.example.com/t/export-to-csv-is-slow/1234/1", f.permalink());
    assertEquals("grace", f.author().id());
    assertEquals("Grace Hopper", f.author().displayName());
    assertFalse(f.author().staff());
    assertEquals(Instant.parse("2025-11-21T14:00:00Z"), f.createdAt());
  }

  @Test
  void staffRepliesNameThePostAndAuthorTheyAnswerWithoutTheQuote() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("post_created", "post-created-staff-reply.json").changes().get(0)).item();
    assertEquals(Feedback.Kind.REPLY, f.kind());
    assertTrue(f.author().staff());
    assertEquals(ROOT, f.thread().threadId());
    assertEquals(ROOT, f.thread().parentId());
    assertEquals("grace", f.thread().inReplyToAuthorId());
    assertEquals("Thanks for the report! We are rolling out streaming exports next week.", f.text());
  }

  @Test
  void editsAndDestroysTargetThePostAndRetriesShareIt() {
    FeedbackChange.Edit e = assertInstanceOf(FeedbackChange.Edit.class, parse("post_edited", "post-edited.json").changes().get(0));
    assertEquals(ROOT, e.item().id());
    assertEquals(Instant.parse("2025-11-21T14:20:00Z"), e.editedAt());
    assertTrue(e.item().text().contains("over five minutes"));
    FeedbackChange.Delete d = assertInstanceOf(FeedbackChange.Delete.class, parse("post_destroyed", "post-destroyed.json").changes().get(0));
    assertEquals(ROOT, d.id());
    assertEquals(Instant.parse("2025-11-21T15:00:00Z"), d.deletedAt());
  }

  @Test
  void systemPostsPingsAndTopicEventsStoreNothing() {
    assertEquals("automated author", parse("post_created", "post-created-system.json").note());
    assertTrue(parse("ping", "ping.json").changes().isEmpty());
    assertTrue(parse("topic_created", "topic-created.json").changes().isEmpty());
    HttpRequest noEvent = TestRequests.withHeader(TestRequests.discourse(ChannelFixtures.DISCOURSE, "post_created",
        TestRequests.event("ingest/discourse/post-created.json")), "x-discourse-event", null);
    assertEquals(400, assertThrows(WebhookException.class, () -> discourse.parse(noEvent, Contexts.of("discourse"))).status());
  }
}
