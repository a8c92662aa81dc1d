package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.wiring.IngestProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Re-parsing stored raw payloads: fields follow the current adapter, identity and history stay. */
@ExtendWith(DynoxideExtension.class)
class ReparseServiceIT {
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
  private final Instant from = Instant.parse("2025-11-17T00:00:00Z");
  private final Instant until = Instant.parse("2025-11-24T00:00:00Z");
  private FeedbackStore store;

  @BeforeEach
  void setUp() {
    var client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
    WebhookService ingest = new WebhookService(ChannelFixtures.adapters(), store,
        new EnvironmentSecretResolver(ChannelFixtures.env()), new ConfiguredStaffDirectory(""), IngestProperties.Ingest.defaults().settings(), clock);
    for (ChannelFixtures.Fixture f : ChannelFixtures.all()) {
      assertEquals(200, ingest.handle(f.sign().apply(TestRequests.event(f.sample()), now)).status());
    }
  }

  private ReparseService reparser(String staff) {
    return new ReparseService(ChannelFixtures.adapters(), store, new EnvironmentSecretResolver(ChannelFixtures.env()),
        new ConfiguredStaffDirectory(staff), clock);
  }

  @Test
  void everyChannelReparsesItsOwnPayloadToTheSameFields() {
    ReparseService.Summary s = reparser("").reparseCreatedBetween(from, until, null);
    assertEquals(new ReparseService.Summary(0, ChannelFixtures.all().size(), 0), s,
        "replaying the stored body (with headers restored from the item) yields the same item on every channel");
  }

  @Test
  void aChangedStaffRuleUpdatesTheItemButKeepsItsAnalysis() {
    String id = FeedbackIds.of("github", "acme/widgets", "issue_comment:2494005566");
    store.enrich(id, new Feedback.Enrichment(0.4, "positive", new float[] {0.1f, 0.2f}, "theme-1", now));
    Feedback before = store.find(id).orElseThrow();
    assertFalse(before.author().staff());

    assertEquals(ReparseService.Result.UPDATED, reparser("github:sam-k").reparse(before));
    Feedback after = store.find(id).orElseThrow();
    assertTrue(after.author().staff());
    assertEquals(before.createdAt(), after.createdAt());
    assertEquals(before.deliveryId(), after.deliveryId());
    assertEquals(0.4, after.enrichment().sentiment(), "same text: the analysis stays");
    assertEquals(ReparseService.Result.UNCHANGED, reparser("github:sam-k").reparse(after));
  }

  @Test
  void newTextReplacesOldTextAndAsksForReanalysis() {
    String id = FeedbackIds.of("discourse", "forum.example.com", "t1234/p1");
    Feedback stored = store.find(id).orElseThrow();
    // as an older adapter might have stored it: markup left in
    Feedback old = stored.toBuilder().id("discourse_legacy0000000000000000000").text("<p>Exporting a <strong>large</strong> report</p>").build();
    store.create(old);
    store.enrich(old.id(), new Feedback.Enrichment(-0.2, "negative", null, null, now));
    // its raw payload parses to the real post id, not the legacy id: nothing to rewrite
    assertEquals(ReparseService.Result.SKIPPED, reparser("").reparse(store.find(old.id()).orElseThrow()));

    store.replaceParsed(stored.toBuilder().text("<p>old markup</p>").build(), false);
    store.enrich(id, new Feedback.Enrichment(-0.2, "negative", null, null, now));
    assertEquals(ReparseService.Result.UPDATED, reparser("").reparse(store.find(id).orElseThrow()));
    Feedback fixed = store.find(id).orElseThrow();
    assertTrue(fixed.text().startsWith("Exporting a large report to CSV"));
    assertNull(fixed.enrichment() == null ? null : fixed.enrichment().sentiment(), "new text is analyzed again");
  }

  @Test
  void deletedItemsAreLeftAlone() {
    String id = FeedbackIds.of("x", "2244994945", "1991919191919191919");
    store.delete(id, now);
    assertEquals(ReparseService.Result.SKIPPED, reparser("").reparse(store.find(id).orElseThrow()));
  }
}
