package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.wiring.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Extreme dates inside signed payloads never give a 500: a created or deleted time outside
 * [2000-01-01, received + 1 day] is replaced by the received time ({@link CreatedTimes}). The
 * store keeps items for a year, so expiry arithmetic runs too.
 */
@ExtendWith(DynoxideExtension.class)
class PayloadDatesIT {
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private FeedbackStore store;
  private WebhookService service;

  @BeforeEach
  void setUp() {
    var client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ofDays(365)));
    service = new WebhookService(ChannelFixtures.adapters(), store, new EnvironmentSecretResolver(ChannelFixtures.env()),
        new ConfiguredStaffDirectory(""), IngestProperties.Ingest.defaults().settings(), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static byte[] fixture(String file, String from, String to) {
    String body = new String(TestRequests.event(file), StandardCharsets.UTF_8);
    if (!body.contains(from)) {
      throw new IllegalArgumentException(file + " has no " + from);
    }
    return body.replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  private Feedback stored(HttpRequest request, String id) {
    HttpResponse r = service.handle(request);
    assertEquals(200, r.status(), r.body());
    return store.find(id).orElseThrow();
  }

  private Feedback typeformSubmittedAt(String submittedAt) {
    byte[] body = fixture("ingest/typeform/form-response.json", "\"submitted_at\": \"2025-11-21T17:00:00Z\"",
        "\"submitted_at\": \"" + submittedAt + "\"");
    return stored(TestRequests.typeform(ChannelFixtures.TYPEFORM, body),
        FeedbackIds.of("typeform", "lT4Z3j", "a3a12ec67a1365927098a606107fac15"));
  }

  private Feedback slackTs(String ts) {
    byte[] body = fixture("ingest/slack/message.json", "\"ts\": \"1763719200.000100\"", "\"ts\": \"" + ts + "\"");
    return stored(TestRequests.slack(ChannelFixtures.SLACK, now, body),
        FeedbackIds.of("slack", "T0LPTEAM1", "C0FEEDBACK:" + ts));
  }

  @Test
  void instantMinInAWidgetPostIsStoredAtTheReceivedTime() {
    byte[] body = fixture("ingest/widget/feedback.json", "2025-11-21T20:00:00Z", "-1000000000-01-01T00:00:00Z");
    Feedback f = stored(TestRequests.widgetHmac("acme", ChannelFixtures.WIDGET_SECRET, body),
        FeedbackIds.of("widget", "acme", "web-2025-11-21-000123"));
    assertEquals(now, f.createdAt());
  }

  @Test
  void yearPlus999999999IsStoredAtTheReceivedTime() {
    assertEquals(now, typeformSubmittedAt("+999999999-12-31T23:59:59Z").createdAt());
  }

  @Test
  void year0001IsStoredAtTheReceivedTimeRatherThanWhereNoReadFindsIt() {
    assertEquals(now, typeformSubmittedAt("0001-01-01T00:00:00Z").createdAt());
  }

  @Test
  void aTimeInsideTheWindowIsKept() {
    assertEquals(Instant.parse("2025-11-21T17:00:00Z"), typeformSubmittedAt("2025-11-21T17:00:00Z").createdAt());
  }

  @Test
  void aSeventeenDigitSlackTsIsStoredAtTheReceivedTime() {
    assertEquals(now, slackTs("12345678901234567.000100").createdAt());
  }

  @Test
  void aSlackTsBeyondInstantsRangeIsStoredAtTheReceivedTime() {
    assertEquals(now, slackTs("99999999999999999999.000100").createdAt());
  }
}
