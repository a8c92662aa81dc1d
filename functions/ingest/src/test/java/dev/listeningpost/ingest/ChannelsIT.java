package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.ChannelFixtures.Fixture;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every channel shares, through {@link WebhookService} against dynoxide: one
 * item under redelivery, 401/400/415/413 problems that store nothing, and secret rotation.
 */
@ExtendWith(DynoxideExtension.class)
class ChannelsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private FeedbackStore store;

  static Stream<Fixture> channels() {
    return ChannelFixtures.all().stream();
  }

  @BeforeEach
  void setUp() {
    var client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
  }

  private WebhookService service(Map<String, String> env, int maxBody) {
    return new WebhookService(ChannelFixtures.adapters(), store, new EnvironmentSecretResolver(env),
        new ConfiguredStaffDirectory(""), new IngestSettings(maxBody), Clock.fixed(now, ZoneOffset.UTC));
  }

  private WebhookService service() {
    return service(ChannelFixtures.env(), 1_048_576);
  }

  private List<Feedback> stored() {
    return store.createdBetween(Instant.parse("2025-11-17T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), null);
  }

  private static void assertProblem(int status, HttpResponse r) throws Exception {
    assertEquals(status, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType());
    JsonNode p = JSON.readTree(r.body());
    assertEquals(status, p.get("status").asInt());
    assertTrue(p.get("type").asText().startsWith("https://listening-post.dev/problems/"));
    assertTrue(p.hasNonNull("title") && p.hasNonNull("detail"));
    for (String secret : ChannelFixtures.env().values()) {
      assertFalse(r.body().contains(secret), "a secret leaked into a problem body");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void aDeliveryRedeliveredTwiceIsStoredOnce(Fixture f) {
    WebhookService service = service();
    byte[] body = TestRequests.event(f.sample());
    for (int i = 0; i < 3; i++) {
      HttpResponse r = service.handle(f.sign().apply(body, now));
      assertEquals(200, r.status(), r.body());
    }
    List<Feedback> items = stored();
    assertEquals(1, items.size());
    Feedback item = items.get(0);
    assertEquals(f.channel(), item.channel());
    assertFalse(item.text().isBlank());
    byte[] raw = store.find(item.id()).orElseThrow().rawPayload();
    assertTrue(raw != null && raw.length > 0, "the raw payload is kept");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void forgedMissingAndTamperedSignaturesAre401(Fixture f) throws Exception {
    WebhookService service = service();
    byte[] body = TestRequests.event(f.sample());
    HttpRequest signed = f.sign().apply(body, now);
    Map<String, String> onlyType = Map.of("Content-Type", "application/json");
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replaceFirst("e", "E").getBytes(StandardCharsets.UTF_8);
    for (HttpRequest bad : List.of(
        f.forge().apply(body, now),
        new HttpRequest("POST", signed.path(), onlyType, Map.of(), body),
        TestRequests.withBody(signed, tampered))) {
      assertProblem(401, service.handle(bad));
    }
    // a configured channel with no secret for it refuses rather than accepting unsigned input
    Map<String, String> noSecret = new HashMap<>(ChannelFixtures.env());
    noSecret.remove(f.secretVar());
    noSecret.remove("WIDGET_ACME_API_KEY");
    assertProblem(401, service(noSecret, 1_048_576).handle(signed));
    assertTrue(stored().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void signedBodiesTheAdapterCannotParseAreKeptNotRefused(Fixture f) throws Exception {
    WebhookService service = service();
    List<String> bodies = List.of("{\"type\":", "[1,2,3]", "{}", "\"text\"", "");
    for (String body : bodies) {
      HttpResponse r = service.handle(f.sign().apply(body.getBytes(StandardCharsets.UTF_8), now));
      if (f.channel().equals("widget")) {
        // The widget's 400 names the field a person typed wrong.
        assertProblem(400, r);
      } else {
        // The platform never retries a 4xx: kept raw for the reparse job instead of lost.
        assertEquals(200, r.status(), r.body());
        assertEquals(1, JSON.readTree(r.body()).get("unparsed").asInt(), r.body());
      }
    }
    int kept = store.unparsedBetween(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), f.channel()).size();
    assertEquals(f.channel().equals("widget") ? 0 : bodies.size(), kept);
    assertTrue(stored().isEmpty(), "never read as feedback");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void wrongMediaTypeIs415AndOversizedBodyIs413(Fixture f) throws Exception {
    byte[] body = TestRequests.event(f.sample());
    HttpRequest signed = f.sign().apply(body, now);
    assertProblem(415, service().handle(TestRequests.withHeader(signed, "content-type", "text/plain")));
    assertProblem(415, service().handle(TestRequests.withHeader(signed, "content-type", null)));
    assertProblem(413, service(ChannelFixtures.env(), 200).handle(signed));
    assertTrue(stored().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void thePreviousSecretIsAcceptedDuringARotation(Fixture f) {
    Map<String, String> env = new HashMap<>(ChannelFixtures.env());
    String old = env.get(f.secretVar());
    env.put(f.secretVar(), f.channel().equals("discord")
        ? TestRequests.discordPublicKeyHex(TestRequests.ed25519()) : "rotated-" + old);
    env.put(f.secretVar() + "_PREVIOUS", old);
    HttpResponse r = service(env, 1_048_576).handle(f.sign().apply(TestRequests.event(f.sample()), now));
    assertEquals(200, r.status(), r.body());
    assertEquals(1, stored().size());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"slack", "zendesk", "discord"})
  void staleOrFutureSignedTimestampsAre401(String channel) throws Exception {
    Fixture f = ChannelFixtures.all().stream().filter(x -> x.channel().equals(channel)).findFirst().orElseThrow();
    byte[] body = TestRequests.event(f.sample());
    assertProblem(401, service().handle(f.sign().apply(body, now.minus(Duration.ofMinutes(6)))));
    assertProblem(401, service().handle(f.sign().apply(body, now.plus(Duration.ofMinutes(6)))));
    assertTrue(stored().isEmpty());
    assertEquals(200, service().handle(f.sign().apply(body, now.minus(Duration.ofMinutes(4)))).status());
  }
}
