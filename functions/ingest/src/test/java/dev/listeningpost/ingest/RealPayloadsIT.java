package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
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
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payload shapes that were wrongly refused or lost (issue 11), each signed as its platform
 * signs it, through {@link WebhookService} against dynoxide: 200, and stored or ignored as documented.
 */
@ExtendWith(DynoxideExtension.class)
class RealPayloadsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private WebhookService service;

  @BeforeEach
  void setUp() {
    var client = DynoxideExtension.client();
    FeedbackStore store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
    service = new WebhookService(ChannelFixtures.adapters(), store, new EnvironmentSecretResolver(ChannelFixtures.env()),
        new ConfiguredStaffDirectory(""), IngestProperties.Ingest.defaults().settings(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Arguments of(String file, Function<byte[], HttpRequest> sign, int written) {
    return Arguments.of(file, sign, written);
  }

  static Stream<Arguments> payloads() {
    Function<byte[], HttpRequest> intercom = b -> TestRequests.intercom(ChannelFixtures.INTERCOM, b);
    Function<byte[], HttpRequest> slack = b -> TestRequests.slack(ChannelFixtures.SLACK, NOW, b);
    Function<byte[], HttpRequest> typeform = b -> TestRequests.typeform(ChannelFixtures.TYPEFORM, b);
    return Stream.of(
        of("intercom/conversation-user-created-api1.json", intercom, 1),
        of("intercom/conversation-admin-assigned-with-reply.json", intercom, 1),
        of("intercom/conversation-admin-assigned.json", intercom, 0),
        of("x/user-event-revoke.json", b -> TestRequests.x(ChannelFixtures.X, b), 0),
        of("slack/message-changed-without-message-ts.json", slack, 1),
        of("slack/message-im.json", slack, 0),
        of("slack/message-mpim.json", slack, 0),
        of("slack/message-group.json", slack, 0),
        of("typeform/form-response-placeholders.json", typeform, 1),
        of("typeform/form-response-opinion-scale-not-satisfaction.json", typeform, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void isAcknowledgedAndStoredOrIgnoredAsDocumented(String file, Function<byte[], HttpRequest> sign, int written)
      throws Exception {
    HttpResponse r = service.handle(sign.apply(TestRequests.event("ingest/" + file)));

    assertEquals(200, r.status(), r.body());
    JsonNode ack = JSON.readTree(r.body());
    assertEquals(written, ack.get("stored").asInt() + ack.get("updated").asInt(), r.body());
  }
}
