package dev.listeningpost.digest.compose;

import static dev.listeningpost.digest.Items.ADA;
import static dev.listeningpost.digest.Items.GRACE;
import static dev.listeningpost.digest.Items.STAFF;
import static dev.listeningpost.digest.Items.post;
import static dev.listeningpost.digest.Items.reply;
import static dev.listeningpost.digest.Items.withSentiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynoxideExtension.class)
class DigestComposerIT {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", LA);
  private FeedbackStore store;
  private DigestComposer composer;

  @BeforeEach
  void setUp() {
    DynamoDbClient client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
    Clock clock = Clock.fixed(W47.end().plus(Duration.ofDays(3)), ZoneOffset.UTC);
    composer = new DigestComposer(store, ThemeLabels.NONE, List.of(), DigestProperties.Digest.defaults().composeOptions(), clock);
  }

  @Test
  void composesTheWeekInTheConfiguredZoneFromStoredItems() {
    Instant start = W47.start(); // Monday 00:00 in Los Angeles = 08:00 UTC
    Feedback lastOfPrevious = post("prev", ADA, start.minusMillis(1), "sunday night, previous week");
    Feedback question = post("q", ADA, start, "How do I export to CSV?");
    Feedback ghIssue = post("github", "gh-1", GRACE, start.plus(Duration.ofHours(30)), "Export button missing #export");
    Feedback memberAnswer = reply("a1", GRACE, start.plus(Duration.ofHours(2)), "Settings > Export", question);
    Feedback staffAnswer = reply("a2", STAFF, start.plus(Duration.ofHours(3)), "Here are the docs", question);
    Feedback analyzed = withSentiment(post("pos", GRACE, start.plus(Duration.ofDays(2)), "Love the new UI"),
        0.8, "positive", "t-ui");
    Feedback lastOfWeek = post("last", ADA, W47.end().minusMillis(1), "sunday 23:59 local");
    Feedback nextWeek = post("next", ADA, W47.end(), "monday of the next week");
    Feedback olderWeek = post("older", ADA, start.minus(Duration.ofDays(10)), "two weeks ago");
    List.of(lastOfPrevious, question, ghIssue, memberAnswer, staffAnswer, analyzed, lastOfWeek, nextWeek, olderWeek)
        .forEach(store::create);

    Digest d = composer.compose(W47);

    assertEquals(6, d.volume().total(), "only the week's items");
    assertEquals(1, d.volume().previousTotal());
    Map<String, Integer> channels = d.channels().stream()
        .collect(Collectors.toMap(Digest.Share::label, Digest.Share::count));
    assertEquals(Map.of("slack", 5, "github", 1), channels);
    assertEquals(2, d.community().replies());
    assertEquals(1, d.community().memberReplies());
    assertEquals(1, d.community().staffReplies());
    assertEquals(0.5, d.community().memberShare(), 1e-9);
    assertEquals(1, d.sentiment().analyzed());
    assertEquals(1.0, d.sentiment().net(), 1e-9);
    assertEquals("t-ui", d.themes().get(0).themeId());
    assertNull(d.themes().get(0).label());
    assertEquals("export", d.hashtags().get(0).label());
    // Newest first; the next week's Monday item belongs to the reply window, not the quotes.
    assertEquals("sunday 23:59 local", d.quotes().get(0).text());
    assertEquals(lastOfWeek.permalink(), d.quotes().get(0).permalink());
    assertEquals(Instant.parse("2026-11-26T08:00:00Z"), d.composedAt());
    // Unanswered past the 48 h SLA: the GitHub issue, the praise and the Sunday post (the question got replies).
    assertEquals(3, d.unanswered().total());
  }
}
