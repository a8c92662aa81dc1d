package dev.listeningpost.ingest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.ingest.ChannelContext;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.TestRequests;
import dev.listeningpost.ingest.WebhookException;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackAdapterTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private final SlackAdapter slack = new SlackAdapter();

  private static ChannelContext ctx(Instant now, Map<String, String> env) {
    return new ChannelContext("slack", null, now, new EnvironmentSecretResolver(env),
        new ConfiguredStaffDirectory("slack:U0STAFF001"));
  }

  private static ChannelContext ctx(Instant now) {
    return ctx(now, Map.of("SLACK_SIGNING_SECRET", SECRET));
  }

  @Test
  void acceptsSlacksPublishedSigningExample() {
    // https://api.slack.com/authentication/verifying-requests-from-slack (secret, timestamp, body, signature)
    String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    HttpRequest request = new HttpRequest("POST", "/webhooks/slack", Map.of(
        "X-Slack-Request-Timestamp", "1531420618",
        "X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"),
        Map.of(), body.getBytes(StandardCharsets.UTF_8));
    slack.verify(request, ctx(Instant.ofEpochSecond(1531420618 + 30)));

    HttpRequest tampered = new HttpRequest("POST", "/webhooks/slack", request.headers(), Map.of(),
        body.replace("roadrunner", "coyote").getBytes(StandardCharsets.UTF_8));
    assertEquals(401, assertThrows(WebhookException.class,
        () -> slack.verify(tampered, ctx(Instant.ofEpochSecond(1531420618)))).status());
  }

  @Test
  void rejectsWrongSecretStaleOrFutureTimestampAndMissingHeaders() {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    byte[] body = TestRequests.event("ingest/slack/message.json");
    assertThrows(WebhookException.class, () -> slack.verify(TestRequests.slack("wrong", now, body), ctx(now)));
    assertThrows(WebhookException.class,
        () -> slack.verify(TestRequests.slack(SECRET, now.minusSeconds(301), body), ctx(now)));
    assertThrows(WebhookException.class,
        () -> slack.verify(TestRequests.slack(SECRET, now.plusSeconds(301), body), ctx(now)));
    WebhookException missing = assertThrows(WebhookException.class, () -> slack.verify(
        new HttpRequest("POST", "/webhooks/slack", Map.of("content-type", "application/json"), Map.of(), body), ctx(now)));
    assertEquals(401, missing.status());
    WebhookException unconfigured = assertThrows(WebhookException.class,
        () -> slack.verify(TestRequests.slack(SECRET, now, body), ctx(now, Map.of())));
    assertEquals("secret-not-configured", unconfigured.slug());
    // within the window on either side is fine
    slack.verify(TestRequests.slack(SECRET, now.minusSeconds(299), body), ctx(now));
  }

  @Test
  void acceptsThePreviousSecretDuringRotation() {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    byte[] body = TestRequests.event("ingest/slack/message.json");
    ChannelContext rotating = ctx(now, Map.of("SLACK_SIGNING_SECRET", "new-secret", "SLACK_SIGNING_SECRET_PREVIOUS", SECRET));
    slack.verify(TestRequests.slack(SECRET, now, body), rotating);
    slack.verify(TestRequests.slack("new-secret", now, body), rotating);
    assertThrows(WebhookException.class, () -> slack.verify(TestRequests.slack("older", now, body), rotating));
  }

  @Test
  void answersUrlVerification() {
    Instant now = Instant.now();
    Delivery d = slack.parse(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/url-verification.json")), ctx(now));
    assertTrue(d.changes().isEmpty());
    assertEquals("{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}", d.response().body());
  }

  @Test
  void normalizesAChannelMessage() {
    Instant now = Instant.now();
    Delivery d = slack.parse(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message.json")), ctx(now));
    Feedback f = ((FeedbackChange.Create) d.changes().get(0)).item();
    assertEquals(FeedbackIds.of("slack", "T0LPTEAM1", "C0FEEDBACK:1763719200.000100"), f.id());
    assertEquals("The new CSV export is great, but it times out for workspaces with more than 10k rows :( status page #exports", f.text());
    assertEquals("Grace H.", f.author().displayName());
    assertEquals("grace", f.author().handle());
    assertEquals(false, f.author().staff());
    assertEquals(Feedback.Kind.MESSAGE, f.kind());
    assertEquals(Instant.parse("2025-11-21T10:00:00.000100Z"), f.createdAt());
    assertEquals("https://slack.com/archives/C0FEEDBACK/p1763719200000100", f.permalink());
    assertEquals(List.of("exports"), f.hashtags());
    assertEquals("Ev0LPMSG0001", f.deliveryId());
    assertNull(f.thread().parentId());
  }

  @Test
  void threadRepliesKnowWhomTheyAnswerAndStaffIsDetected() {
    Instant now = Instant.now();
    Delivery d = slack.parse(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/thread-reply.json")), ctx(now));
    Feedback f = ((FeedbackChange.Create) d.changes().get(0)).item();
    String root = FeedbackIds.of("slack", "T0LPTEAM1", "C0FEEDBACK:1763719200.000100");
    assertEquals(Feedback.Kind.REPLY, f.kind());
    assertEquals(root, f.thread().threadId());
    assertEquals(root, f.thread().parentId());
    assertEquals("U0MEMBER01", f.thread().inReplyToAuthorId());
    assertTrue(f.author().staff());
    assertEquals("Thanks @U0MEMBER01! We are on it, a fix for large exports ships next week.", f.text());
    assertTrue(f.permalink().endsWith("?thread_ts=1763719200.000100&cid=C0FEEDBACK"));
  }

  @Test
  void editsAndDeletesTargetTheOriginalMessage() {
    Instant now = Instant.now();
    String id = FeedbackIds.of("slack", "T0LPTEAM1", "C0FEEDBACK:1763719200.000100");
    Delivery edit = slack.parse(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message-changed.json")), ctx(now));
    FeedbackChange.Edit e = assertInstanceOf(FeedbackChange.Edit.class, edit.changes().get(0));
    assertEquals(id, e.item().id());
    assertEquals(Instant.ofEpochSecond(1763726400), e.editedAt());
    assertTrue(e.item().text().contains("50k rows"));

    Delivery del = slack.parse(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/message-deleted.json")), ctx(now));
    assertEquals(id, assertInstanceOf(FeedbackChange.Delete.class, del.changes().get(0)).id());
  }

  @Test
  void skipsBotsAndUnusedEventsButMentionsAreFeedback() {
    Instant now = Instant.now();
    assertTrue(slack.parse(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/bot-message.json")), ctx(now))
        .changes().isEmpty());
    byte[] join = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"message\",\"subtype\":\"channel_join\",\"channel\":\"C1\",\"user\":\"U1\",\"ts\":\"1.1\"}}"
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(slack.parse(TestRequests.slack(SECRET, now, join), ctx(now)).changes().isEmpty());
    byte[] reaction = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"reaction_added\"}}".getBytes(StandardCharsets.UTF_8);
    assertTrue(slack.parse(TestRequests.slack(SECRET, now, reaction), ctx(now)).changes().isEmpty());

    Delivery mention = slack.parse(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/app-mention.json")), ctx(now));
    Feedback f = ((FeedbackChange.Create) mention.changes().get(0)).item();
    assertEquals(Feedback.Kind.MENTION, f.kind());
    assertEquals("@U0LPBOT01 please add a dark mode to the dashboard, my eyes hurt at night", f.text());
  }

  @Test
  void wronglyShapedEventsAre400() {
    Instant now = Instant.now();
    for (String body : List.of("[]", "{\"type\":\"event_callback\"}", "{\"no\":\"type\"}",
        "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"1.1\"}}",
        "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"U1\",\"ts\":\"soon\"}}")) {
      WebhookException e = assertThrows(WebhookException.class,
          () -> slack.parse(TestRequests.slack(SECRET, now, body.getBytes(StandardCharsets.UTF_8)), ctx(now)), body);
      assertEquals(400, e.status(), body);
    }
  }

  private Delivery parseAt(String file, Map<String, String> env) {
    Instant now = Instant.now();
    return slack.parse(TestRequests.slack(SECRET, now, TestRequests.event("ingest/slack/" + file)), ctx(now, env));
  }

  @Test
  void anEditWithoutMessageTsIsKeyedByThePreviousMessageTs() {
    Delivery d = parseAt("message-changed-without-message-ts.json", Map.of("SLACK_SIGNING_SECRET", SECRET));
    FeedbackChange.Edit e = assertInstanceOf(FeedbackChange.Edit.class, d.changes().get(0));
    assertEquals(FeedbackIds.of("slack", "T0LPTEAM1", "C0FEEDBACK:1763719200.000100"), e.item().id());
    assertEquals("The new CSV export is great, and since the fix it works for 50k rows too!", e.item().text());
  }

  @Test
  void anEditWithNoMessageTsAnywhereFallsBackToTheEventTs() {
    String body = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"message\",\"subtype\":\"message_changed\","
        + "\"channel\":\"C1\",\"ts\":\"1763726400.000300\",\"message\":{\"user\":\"U1\",\"text\":\"edited\"}}}";
    Instant now = Instant.now();
    Delivery d = slack.parse(TestRequests.slack(SECRET, now, body.getBytes(StandardCharsets.UTF_8)), ctx(now));
    assertEquals(FeedbackIds.of("slack", "T1", "C1:1763726400.000300"),
        assertInstanceOf(FeedbackChange.Edit.class, d.changes().get(0)).item().id());
  }

  @Test
  void aDirectMessageToTheAppIsNotStoredWithoutOptIn() {
    Delivery d = parseAt("message-im.json", Map.of("SLACK_SIGNING_SECRET", SECRET));
    assertTrue(d.changes().isEmpty());
    assertTrue(d.note().contains("channel_type im"), d.note());
  }

  @Test
  void aGroupDirectMessageIsNotStoredWithoutOptIn() {
    assertTrue(parseAt("message-mpim.json", Map.of("SLACK_SIGNING_SECRET", SECRET)).changes().isEmpty());
  }

  @Test
  void aPrivateChannelMessageIsNotStoredWithoutOptIn() {
    assertTrue(parseAt("message-group.json", Map.of("SLACK_SIGNING_SECRET", SECRET)).changes().isEmpty());
  }

  @Test
  void aDirectMessageIsStoredWhenTheSourceOptsIn() {
    Delivery d = parseAt("message-im.json",
        Map.of("SLACK_SIGNING_SECRET", SECRET, "SLACK_STORE_PRIVATE_CONVERSATIONS", "true"));
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, d.changes().get(0)).item();
    assertEquals("Between us: the export bug cost me a weekend.", f.text());
  }
}
