package dev.listeningpost.ingest.github;

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
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.TestRequests;
import dev.listeningpost.ingest.WebhookException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubAdapterTest {
  private final GitHubAdapter github = new GitHubAdapter();

  private Delivery parse(String event, String file) {
    HttpRequest r = TestRequests.github(ChannelFixtures.GITHUB, event, "d-1", TestRequests.event("ingest/github/" + file));
    github.verify(r, Contexts.of("github"));
    return github.parse(r, Contexts.of("github", null, ChannelFixtures.env(), "github:sam-k"));
  }

  private static Feedback created(Delivery d) {
    return assertInstanceOf(FeedbackChange.Create.class, d.changes().get(0)).item();
  }

  @Test
  void acceptsGitHubsPublishedTestVector() {
    // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    assertEquals("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        Signatures.hmacSha256Hex("It's a Secret to Everybody", body));
    HttpRequest r = new HttpRequest("POST", "/webhooks/github", Map.of("X-Hub-Signature-256",
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), Map.of(), body);
    github.verify(r, Contexts.of("github", null, Map.of("GITHUB_WEBHOOK_SECRET", "It's a Secret to Everybody"), ""));
    assertEquals(401, assertThrows(WebhookException.class, () -> github.verify(r,
        Contexts.of("github", null, Map.of("GITHUB_WEBHOOK_SECRET", "It's a secret to everybody"), ""))).status());
  }

  @Test
  void normalizesAnOpenedIssue() {
    Feedback f = created(parse("issues", "issues-opened.json"));
    assertEquals(FeedbackIds.of("github", "acme/widgets", "issue:2684512001"), f.id());
    assertEquals("acme/widgets", f.workspace());
    assertEquals(Feedback.Kind.POST, f.kind());
    // title, heading and list syntax gone, the template comment and the quoted line dropped
    assertEquals("CSV export times out on large workspaces\n\nWhat happened\n\nExporting more than 10k rows to CSV fails "
        + "after ~30s with a 504.\n\nOpen Reports\nClick Export\n\nThis blocks our monthly close #exports", f.text());
    assertEquals("https://github.com/acme/widgets/issues/482", f.permalink());
    assertEquals("lin-dev", f.author().handle());
    assertEquals("5550101", f.author().id());
    assertFalse(f.author().staff());
    assertEquals(Instant.parse("2025-11-21T09:30:00Z"), f.createdAt());
    assertEquals("d-1", f.deliveryId());
    assertTrue(f.hashtags().contains("exports"));
  }

  @Test
  void commentsPointAtTheirIssueAndOrgMembersAreStaff() {
    Feedback staff = created(parse("issue_comment", "issue-comment-created.json"));
    String issue = FeedbackIds.of("github", "acme/widgets", "issue:2684512001");
    assertEquals(Feedback.Kind.COMMENT, staff.kind());
    assertEquals(issue, staff.thread().threadId());
    assertEquals(issue, staff.thread().parentId());
    assertEquals("5550101", staff.thread().inReplyToAuthorId());
    assertTrue(staff.author().staff(), "author_association MEMBER");
    assertEquals("https://github.com/acme/widgets/issues/482#issuecomment-2494001122", staff.permalink());
    assertEquals("Thanks @lin-dev! We can reproduce it; a streaming export ships in v2.4.", staff.text());

    Feedback listed = created(parse("issue_comment", "issue-comment-member.json"));
    assertTrue(listed.author().staff(), "CONTRIBUTOR, but on the configured staff list");
  }

  @Test
  void editsAndDeletesTargetTheSameItem() {
    String id = FeedbackIds.of("github", "acme/widgets", "issue_comment:2494005566");
    FeedbackChange.Edit e = assertInstanceOf(FeedbackChange.Edit.class, parse("issue_comment", "issue-comment-edited.json").changes().get(0));
    assertEquals(id, e.item().id());
    assertEquals(Instant.parse("2025-11-21T10:31:00Z"), e.editedAt());
    assertTrue(e.item().text().contains("EU and US regions"));
    FeedbackChange.Delete d = assertInstanceOf(FeedbackChange.Delete.class, parse("issue_comment", "issue-comment-deleted.json").changes().get(0));
    assertEquals(id, d.id());
    assertEquals(FeedbackIds.of("github", "acme/widgets", "issue:2684512001"),
        assertInstanceOf(FeedbackChange.Delete.class, parse("issues", "issues-deleted.json").changes().get(0)).id());
  }

  @Test
  void discussionRepliesNameTheirParentComment() {
    Feedback post = created(parse("discussion", "discussion-created.json"));
    assertEquals("Dark mode for the dashboard\n\nWould love a dark mode :crescent_moon: for late-night on-call. #darkmode", post.text());
    Feedback reply = created(parse("discussion_comment", "discussion-comment-created.json"));
    assertEquals(Feedback.Kind.REPLY, reply.kind());
    assertEquals(post.id(), reply.thread().threadId());
    assertEquals(FeedbackIds.of("github", "acme/widgets", "discussion_comment:11223300"), reply.thread().parentId());
    assertNull(reply.thread().inReplyToAuthorId());
  }

  @Test
  void botsPingsAndUnusedActionsStoreNothing() {
    assertEquals("bot author", parse("issue_comment", "issue-comment-bot.json").note());
    assertTrue(parse("ping", "ping.json").changes().isEmpty());
    assertTrue(parse("issues", "issues-labeled.json").note().contains("labeled"));
    assertTrue(parse("star", "ping.json").changes().isEmpty());
    HttpRequest noEvent = TestRequests.withHeader(TestRequests.github(ChannelFixtures.GITHUB, "issues", "d",
        TestRequests.event("ingest/github/issues-opened.json")), "x-github-event", null);
    assertEquals(400, assertThrows(WebhookException.class, () -> github.parse(noEvent, Contexts.of("github"))).status());
  }
}
