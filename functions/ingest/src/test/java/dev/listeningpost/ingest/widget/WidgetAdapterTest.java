package dev.listeningpost.ingest.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.ingest.ChannelContext;
import dev.listeningpost.ingest.ChannelFixtures;
import dev.listeningpost.ingest.Contexts;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.TestRequests;
import dev.listeningpost.ingest.WebhookException;
import dev.listeningpost.ingest.wiring.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WidgetAdapterTest {
  private final WidgetAdapter widget = new WidgetAdapter(new WidgetSettings(100, 60, 2));
  private final ChannelContext ctx = Contexts.of("widget", "acme");

  private Feedback parse(String body) {
    HttpRequest r = TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body.getBytes(StandardCharsets.UTF_8));
    return assertInstanceOf(FeedbackChange.Create.class, widget.parse(r, ctx).changes().get(0)).item();
  }

  private int status(String body) {
    HttpRequest r = TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body.getBytes(StandardCharsets.UTF_8));
    return assertThrows(WebhookException.class, () -> widget.parse(r, ctx)).status();
  }

  @Test
  void theDocumentedSchemaMapsToAnItem() {
    HttpRequest r = TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, TestRequests.event("ingest/widget/feedback.json"));
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, new WidgetAdapter(IngestProperties.Widget.defaults().settings()).parse(r, ctx).changes().get(0)).item();
    assertEquals(FeedbackIds.of("widget", "acme", "web-2025-11-21-000123"), f.id());
    assertEquals(8.0, f.score());
    assertEquals(Feedback.Kind.REVIEW, f.kind());
    assertEquals("Ada Lovelace", f.author().displayName());
    assertEquals("https://app.example.com/onboarding", f.permalink());
    assertEquals(Instant.parse("2025-11-21T20:00:00Z"), f.createdAt());
  }

  @Test
  void withoutAnIdTheSameBodyMapsToTheSameItem() {
    Feedback a = parse("{\"text\":\"Love it!\"}");
    assertEquals(a.id(), parse("{\"text\":\"Love it!\"}").id());
    assertEquals(Contexts.NOW, a.createdAt());
    assertEquals(Feedback.Kind.POST, a.kind());
  }

  @Test
  void schemaViolationsAre400() {
    assertEquals(400, status("{}"));
    assertEquals(400, status("{\"text\":\"   \"}"));
    assertEquals(400, status("{\"text\":42}"));
    assertEquals(400, status("{\"text\":\"" + "a".repeat(101) + "\"}"));
    assertEquals(400, status("{\"text\":\"ok\",\"rating\":11}"));
    assertEquals(400, status("{\"text\":\"ok\",\"rating\":\"5\"}"));
    assertEquals(400, status("{\"text\":\"ok\",\"id\":\"has spaces\"}"));
    assertEquals(400, status("{\"text\":\"ok\",\"user\":\"ada\"}"));
    assertEquals(400, status("{\"text\":\"ok\",\"url\":\"javascript:alert(1)\"}"));
    assertEquals(400, status("{\"text\":\"ok\",\"created_at\":\"2030-01-01T00:00:00Z\"}"));
  }

  @Test
  void apiKeyOrHmacAuthenticateAndTheRateLimitAnswers429WithRetryAfter() {
    byte[] body = "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
    widget.verify(TestRequests.widgetHmac("acme", ChannelFixtures.WIDGET_SECRET, body), ctx);
    widget.verify(TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body), ctx);
    widget.verify(TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body), ctx);
    WebhookException limited = assertThrows(WebhookException.class,
        () -> widget.verify(TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body), ctx));
    assertEquals(429, limited.status());
    assertEquals("1", limited.headers().get("Retry-After"));
    // the HMAC credential has its own bucket, and a second later the key has a token again
    widget.verify(TestRequests.widgetHmac("acme", ChannelFixtures.WIDGET_SECRET, body), ctx);
    ChannelContext later = new ChannelContext("widget", "acme", Contexts.NOW.plus(Duration.ofSeconds(1)), ctx.secrets(), ctx.staff());
    widget.verify(TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body), later);
    assertEquals(401, assertThrows(WebhookException.class,
        () -> widget.verify(TestRequests.widgetKey("acme", "wk_wrong", body), ctx)).status());
  }

  @Test
  void corsOnlyForAllowedOrigins() {
    HttpRequest pre = TestRequests.withHeader(new HttpRequest("OPTIONS", "/webhooks/widget/acme",
        java.util.Map.of("Origin", "https://app.example.com"), java.util.Map.of(), null), "x", null);
    assertEquals(204, widget.preflight(pre, ctx).status());
    assertTrue(widget.preflight(pre, ctx).headers().get("Access-Control-Allow-Headers").contains("X-Api-Key"));
    assertEquals("https://app.example.com", widget.responseHeaders(pre, ctx).get("Access-Control-Allow-Origin"));
    HttpRequest evil = TestRequests.withHeader(pre, "Origin", "https://evil.example");
    assertEquals(403, assertThrows(WebhookException.class, () -> widget.preflight(evil, ctx)).status());
    assertTrue(widget.responseHeaders(evil, ctx).isEmpty());
  }

  @Test
  void theTokenBucketRefillsAtTheConfiguredRate() {
    RateLimiter limiter = new RateLimiter(60, 1);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(Duration.ZERO, limiter.acquire("k", t));
    assertEquals(Duration.ofSeconds(1), limiter.acquire("k", t));
    assertEquals(Duration.ofMillis(500), limiter.acquire("k", t.plusMillis(500)));
    assertEquals(Duration.ZERO, limiter.acquire("k", t.plusSeconds(1)));
    assertEquals(Duration.ZERO, limiter.acquire("other", t));
  }
}
