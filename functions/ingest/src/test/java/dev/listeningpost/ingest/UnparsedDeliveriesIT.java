package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.feedback.Unparsed;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.WriteOutcome;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.wiring.IngestProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No silent loss: a signed delivery whose parsing throws is kept as UNPARSED, answered 200,
 * counted, kept out of every feedback read, and recovered by the reparse job once the adapter is fixed.
 */
@ExtendWith(DynoxideExtension.class)
class UnparsedDeliveriesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
  private final Instant from = now.minus(Duration.ofDays(1));
  private final Instant until = now.plus(Duration.ofDays(1));
  private FeedbackStore store;

  @BeforeEach
  void setUp() {
    var client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
  }

  /** The real adapter's signature check, then the bug: parsing throws. */
  static ChannelAdapter broken(ChannelAdapter real) {
    return new ChannelAdapter() {
      @Override
      public String channel() {
        return real.channel();
      }

      @Override
      public java.util.Set<String> replayHeaders() {
        return real.replayHeaders();
      }

      @Override
      public void verify(HttpRequest request, ChannelContext context) {
        real.verify(request, context);
      }

      @Override
      public Delivery parse(HttpRequest request, ChannelContext context) {
        Object missing = null;
        return Delivery.ignored(missing.toString());
      }
    };
  }

  private static List<ChannelAdapter> adaptersWithBroken(String channel) {
    List<ChannelAdapter> out = new ArrayList<>();
    for (ChannelAdapter a : ChannelFixtures.adapters()) {
      out.add(a.channel().equals(channel) ? broken(a) : a);
    }
    return out;
  }

  private WebhookService service(List<ChannelAdapter> adapters) {
    return new WebhookService(adapters, store, new EnvironmentSecretResolver(ChannelFixtures.env()),
        new ConfiguredStaffDirectory(""), IngestProperties.Ingest.defaults().settings(), clock);
  }

  private ReparseService reparser(List<ChannelAdapter> adapters) {
    return new ReparseService(adapters, store, new EnvironmentSecretResolver(ChannelFixtures.env()),
        new ConfiguredStaffDirectory(""), clock);
  }

  private static HttpRequest slackMessage(Instant at) {
    return TestRequests.slack(ChannelFixtures.SLACK, at, TestRequests.event("ingest/slack/message.json"));
  }

  @Test
  void aDeliveryWhoseParsingThrowsIsAnswered200AndKeptRawWithTheError() throws Exception {
    HttpRequest request = slackMessage(now);
    HttpResponse r = service(adaptersWithBroken("slack")).handle(request);

    assertEquals(200, r.status(), r.body());
    assertEquals(1, JSON.readTree(r.body()).get("unparsed").asInt());
    Unparsed kept = store.findUnparsed(Unparsed.idOf("slack", null, request.body())).orElseThrow();
    assertArrayEquals(request.body(), RawPayloads.decompress(kept.rawPayload()));
    assertTrue(kept.error().startsWith("java.lang.NullPointerException"), kept.error());
    assertEquals(now, kept.receivedAt());
  }

  @Test
  void theSameUnparsedDeliveryRedeliveredIsKeptOnce() {
    WebhookService service = service(adaptersWithBroken("slack"));
    service.handle(slackMessage(now));
    service.handle(slackMessage(now));
    assertEquals(1, store.unparsedBetween(from, until, null).size());
  }

  @Test
  void unparsedDeliveriesAreCountedForTheAlarm() {
    WebhookService service = service(adaptersWithBroken("slack"));
    service.handle(slackMessage(now));
    assertEquals(1, service.metrics().count(IngestMetrics.UNPARSED, "slack"));
    assertEquals(0, service.metrics().count(IngestMetrics.UNPARSED, "github"));
  }

  @Test
  void unparsedDeliveriesAreNeverReadAsFeedback() {
    service(adaptersWithBroken("slack")).handle(slackMessage(now));
    assertTrue(store.createdBetween(from, until, null).isEmpty(), "analysis, digests and the read API read createdBetween");
    assertEquals(Feedback.Status.UNPARSED, store.unparsedBetween(from, until, null).get(0).status());
  }

  @Test
  void theReparseJobRecoversAnUnparsedDeliveryOnceTheAdapterIsFixed() {
    service(adaptersWithBroken("slack")).handle(slackMessage(now));
    assertEquals(new ReparseService.Summary(0, 0, 0, 0, 1),
        reparser(adaptersWithBroken("slack")).reparseCreatedBetween(from, until, null), "still broken: it stays");

    ReparseService.Summary fixed = reparser(ChannelFixtures.adapters()).reparseCreatedBetween(from, until, null);

    assertEquals(new ReparseService.Summary(0, 0, 0, 1, 0), fixed);
    Feedback item = store.find(FeedbackIds.of("slack", "T0LPTEAM1", "C0FEEDBACK:1763719200.000100")).orElseThrow();
    assertTrue(item.text().startsWith("The new CSV export is great"), item.text());
    assertEquals(now, item.receivedAt(), "received when it was delivered, not when it was recovered");
    assertTrue(store.unparsedBetween(from, until, null).isEmpty());
  }

  @Test
  void recoveryReplaysTheHeadersAChannelReads() {
    byte[] body = TestRequests.event("ingest/github/issue-comment-member.json");
    HttpRequest request = TestRequests.github(ChannelFixtures.GITHUB, "issue_comment", "d-1", body);
    assertEquals(200, service(adaptersWithBroken("github")).handle(request).status());

    assertEquals(ReparseService.Result.RECOVERED,
        reparser(ChannelFixtures.adapters()).recover(Unparsed.idOf("github", null, body)));
    Feedback item = store.find(FeedbackIds.of("github", "acme/widgets", "issue_comment:2494005566")).orElseThrow();
    assertEquals("d-1", item.deliveryId(), "X-GitHub-Delivery was kept for the replay");
  }

  @Test
  void aSignedDeliveryMissingARequiredFieldIsKeptWithTheFieldNamed() {
    byte[] body = "{\"type\":\"event_callback\"}".getBytes();
    HttpResponse r = service(ChannelFixtures.adapters()).handle(TestRequests.slack(ChannelFixtures.SLACK, now, body));
    assertEquals(200, r.status(), r.body());
    Unparsed kept = store.findUnparsed(Unparsed.idOf("slack", null, body)).orElseThrow();
    assertTrue(kept.error().contains("WebhookException") && kept.error().contains("event"), kept.error());
  }

  @Test
  void theWidgetsRefusalOfWhatAPersonTypedIsStill400AndKeepsNothing() {
    byte[] body = "{\"text\":\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse r = service(ChannelFixtures.adapters()).handle(
        TestRequests.widgetKey("acme", ChannelFixtures.WIDGET_KEY, body));
    assertEquals(400, r.status(), r.body());
    assertTrue(store.unparsedBetween(from, until, null).isEmpty());
  }

  @Test
  void anUnparsedDeliveryIsNeverEnriched() {
    HttpRequest request = slackMessage(now);
    service(adaptersWithBroken("slack")).handle(request);
    String id = Unparsed.idOf("slack", null, request.body());
    assertEquals(WriteOutcome.UNCHANGED, store.enrich(id, new Feedback.Enrichment(0.5, "positive", null, null, now)));
  }
}
