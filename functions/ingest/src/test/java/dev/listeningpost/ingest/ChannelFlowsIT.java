package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.widget.WidgetAdapter;
import dev.listeningpost.ingest.widget.WidgetSettings;
import dev.listeningpost.ingest.wiring.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each channel's own lifecycle through {@link WebhookService} and dynoxide: handshakes, edits, deletes, staff. */
@ExtendWith(DynoxideExtension.class)
class ChannelFlowsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private FeedbackStore store;
  private WebhookService service;

  @BeforeEach
  void setUp() {
    var client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
    List<ChannelAdapter> adapters = new ArrayList<>(ChannelFixtures.adapters());
    adapters.removeIf(a -> a.channel().equals("widget"));
    adapters.add(new WidgetAdapter(new WidgetSettings(5000, 60, 3)));
    service = new WebhookService(adapters, store, new EnvironmentSecretResolver(ChannelFixtures.env()),
        new ConfiguredStaffDirectory("discord:53908232506183680"), IngestProperties.Ingest.defaults().settings(), Clock.fixed(now, ZoneOffset.UTC));
  }

  private List<Feedback> stored() {
    return store.createdBetween(Instant.parse("2025-11-17T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), null);
  }

  private static byte[] ev(String path) {
    return TestRequests.event("ingest/" + path);
  }

  private HttpResponse ok(HttpRequest r) {
    HttpResponse resp = service.handle(r);
    assertEquals(200, resp.status(), resp.body());
    return resp;
  }

  @Test
  void githubIssueLifecycleKeepsOneItemPerObject() {
    String s = ChannelFixtures.GITHUB;
    ok(TestRequests.github(s, "ping", "p-1", ev("github/ping.json")));
    ok(TestRequests.github(s, "issues", "d-1", ev("github/issues-opened.json")));
    ok(TestRequests.github(s, "issues", "d-1", ev("github/issues-opened.json")));
    ok(TestRequests.github(s, "issues", "d-2", ev("github/issues-edited.json")));
    ok(TestRequests.github(s, "issues", "d-3", ev("github/issues-labeled.json")));
    ok(TestRequests.github(s, "issue_comment", "d-4", ev("github/issue-comment-created.json")));
    ok(TestRequests.github(s, "issue_comment", "d-5", ev("github/issue-comment-bot.json")));
    List<Feedback> items = stored();
    assertEquals(2, items.size());
    Feedback issue = store.find(FeedbackIds.of("github", "acme/widgets", "issue:2684512001")).orElseThrow();
    assertEquals(Feedback.Status.EDITED, issue.status());
    assertTrue(issue.text().contains("more than 5k rows"));
    assertEquals("d-1", issue.deliveryId());
    assertTrue(items.stream().anyMatch(f -> f.author().staff() && f.kind() == Feedback.Kind.COMMENT));

    ok(TestRequests.github(s, "issues", "d-6", ev("github/issues-deleted.json")));
    assertEquals(1, stored().size());
    ok(TestRequests.github(s, "issues", "d-1", ev("github/issues-opened.json")));
    assertEquals(1, stored().size(), "a late redelivery does not resurrect a deleted issue");
  }

  @Test
  void discourseRetriesWithNewEventIdsEditsAndDestroys() {
    String s = ChannelFixtures.DISCOURSE;
    ok(TestRequests.discourse(s, "ping", ev("discourse/ping.json")));
    for (int i = 0; i < 3; i++) {
      ok(TestRequests.discourse(s, "post_created", ev("discourse/post-created.json")));
    }
    ok(TestRequests.discourse(s, "post_created", ev("discourse/post-created-staff-reply.json")));
    ok(TestRequests.discourse(s, "post_created", ev("discourse/post-created-system.json")));
    ok(TestRequests.discourse(s, "post_edited", ev("discourse/post-edited.json")));
    assertEquals(2, stored().size());
    Feedback first = store.find(FeedbackIds.of("discourse", "forum.example.com", "t1234/p1")).orElseThrow();
    assertTrue(first.text().contains("over five minutes"));
    ok(TestRequests.discourse(s, "post_destroyed", ev("discourse/post-destroyed.json")));
    assertEquals(1, stored().size());
    assertTrue(stored().get(0).author().staff());
  }

  @Test
  void xCrcMentionReplyAndDelete() throws Exception {
    HttpResponse crc = service.handle(new HttpRequest("GET", "/webhooks/x", Map.of(), Map.of("crc_token", "abc"), null));
    assertEquals(200, crc.status());
    assertEquals("sha256=" + Signatures.hmacSha256Base64(ChannelFixtures.X, "abc".getBytes(StandardCharsets.UTF_8)),
        JSON.readTree(crc.body()).get("response_token").asText());
    ok(TestRequests.x(ChannelFixtures.X, ev("x/tweet-create-mention.json")));
    ok(TestRequests.x(ChannelFixtures.X, ev("x/tweet-create-brand-reply.json")));
    ok(TestRequests.x(ChannelFixtures.X, ev("x/favorite.json")));
    assertEquals(2, stored().size());
    ok(TestRequests.x(ChannelFixtures.X, ev("x/tweet-delete.json")));
    assertEquals(1, stored().size());
    assertTrue(stored().get(0).author().staff());
  }

  @Test
  void metaSubscribeHandshakeCommentsEditsAndRemovals() {
    HttpResponse sub = service.handle(new HttpRequest("GET", "/webhooks/meta", Map.of(),
        Map.of("hub.mode", "subscribe", "hub.verify_token", ChannelFixtures.META_VERIFY, "hub.challenge", "42"), null));
    assertEquals(200, sub.status());
    assertEquals("42", sub.body());
    HttpResponse denied = service.handle(new HttpRequest("GET", "/webhooks/meta", Map.of(),
        Map.of("hub.mode", "subscribe", "hub.verify_token", "nope", "hub.challenge", "42"), null));
    assertEquals(403, denied.status());
    assertEquals("application/problem+json", denied.contentType());

    ok(TestRequests.meta(ChannelFixtures.META, ev("meta/page-feed-comment.json")));
    ok(TestRequests.meta(ChannelFixtures.META, ev("meta/page-feed-batch.json")));
    ok(TestRequests.meta(ChannelFixtures.META, ev("meta/instagram-comment.json")));
    ok(TestRequests.meta(ChannelFixtures.META, ev("meta/page-feed-comment-edited.json")));
    assertEquals(3, stored().size());
    String comment = FeedbackIds.of("meta", "104400112233445", "998877665544332_1122334455667788");
    assertTrue(store.find(comment).orElseThrow().text().contains("fast now"));
    ok(TestRequests.meta(ChannelFixtures.META, ev("meta/page-feed-comment-removed.json")));
    assertEquals(2, stored().size());
  }

  @Test
  void intercomZendeskAndTypeformConversations() {
    ok(TestRequests.intercom(ChannelFixtures.INTERCOM, ev("intercom/ping.json")));
    ok(TestRequests.intercom(ChannelFixtures.INTERCOM, ev("intercom/conversation-user-created.json")));
    ok(TestRequests.intercom(ChannelFixtures.INTERCOM, ev("intercom/conversation-admin-replied.json")));
    ok(TestRequests.intercom(ChannelFixtures.INTERCOM, ev("intercom/conversation-user-replied.json")));
    ok(TestRequests.intercom(ChannelFixtures.INTERCOM, ev("intercom/conversation-admin-replied.json")));
    assertEquals(3, stored().size());

    ok(TestRequests.zendesk(ChannelFixtures.ZENDESK, now, ev("zendesk/ticket-created.json")));
    ok(TestRequests.zendesk(ChannelFixtures.ZENDESK, now, ev("zendesk/ticket-comment-added.json")));
    ok(TestRequests.zendesk(ChannelFixtures.ZENDESK, now, ev("zendesk/ticket-priority-changed.json")));
    ok(TestRequests.zendesk(ChannelFixtures.ZENDESK, now, ev("zendesk/satisfaction-rated.json")));
    ok(TestRequests.zendesk(ChannelFixtures.ZENDESK, now, ev("zendesk/satisfaction-rated.json")));
    assertEquals(6, stored().size());
    Feedback csat = store.find(FeedbackIds.of("zendesk", "acme", "satisfaction:5158")).orElseThrow();
    assertEquals(0.0, csat.score());

    ok(TestRequests.typeform(ChannelFixtures.TYPEFORM, ev("typeform/form-response.json")));
    ok(TestRequests.typeform(ChannelFixtures.TYPEFORM, ev("typeform/form-partial-response.json")));
    assertEquals(6.0, store.find(FeedbackIds.of("typeform", "lT4Z3j", "a3a12ec67a1365927098a606107fac15")).orElseThrow().score());
  }

  @Test
  void discordAnswersEveryInteractionAndStoresCommandsOnce() throws Exception {
    assertEquals("{\"type\":1}", ok(TestRequests.discord(ChannelFixtures.DISCORD, now, ev("discord/ping.json"))).body());
    JsonNode answer = JSON.readTree(ok(TestRequests.discord(ChannelFixtures.DISCORD, now, ev("discord/message-command.json"))).body());
    assertEquals(64, answer.path("data").path("flags").asInt());
    ok(TestRequests.discord(ChannelFixtures.DISCORD, now, ev("discord/message-command.json")));
    ok(TestRequests.discord(ChannelFixtures.DISCORD, now, ev("discord/slash-feedback.json")));
    assertEquals(2, stored().size());
    assertTrue(stored().stream().anyMatch(f -> f.author().staff() && "mason".equals(f.author().handle())),
        "staff from the configured list");
  }

  @Test
  void widgetCorsPreflightHeadersOnEveryAnswerAndRateLimit() throws Exception {
    HttpResponse pre = service.handle(new HttpRequest("OPTIONS", "/webhooks/widget/acme",
        Map.of("Origin", "https://www.example.com", "Access-Control-Request-Method", "POST"), Map.of(), null));
    assertEquals(204, pre.status());
    assertEquals("https://www.example.com", pre.headers().get("Access-Control-Allow-Origin"));
    assertEquals(403, service.handle(new HttpRequest("OPTIONS", "/webhooks/widget/acme",
        Map.of("Origin", "https://evil.example"), Map.of(), null)).status());
    assertEquals(405, service.handle(new HttpRequest("OPTIONS", "/webhooks/slack", Map.of(), Map.of(), null)).status());

    byte[] body = ev("widget/feedback.json");
    HttpResponse first = ok(TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body));
    assertEquals("https://app.example.com", first.headers().get("Access-Control-Allow-Origin"));
    ok(TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body));
    HttpResponse bad = service.handle(TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, "{\"text\":1}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, bad.status());
    assertEquals("https://app.example.com", bad.headers().get("Access-Control-Allow-Origin"), "browsers can read errors too");
    HttpResponse limited = service.handle(TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body));
    assertEquals(429, limited.status());
    assertEquals("application/problem+json", limited.contentType());
    assertEquals("1", limited.headers().get("Retry-After"));
    assertEquals(1, stored().size());
    HttpResponse unknownSource = service.handle(TestRequests.widgetKey("other", ChannelFixtures.WIDGET_KEY, body));
    assertEquals(401, unknownSource.status());
    assertNull(unknownSource.headers().get("Access-Control-Allow-Origin"));
    assertFalse(unknownSource.body().contains(ChannelFixtures.WIDGET_KEY));
  }
}
