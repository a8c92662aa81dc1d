package dev.listeningpost.digest.compose;

import static dev.listeningpost.digest.Items.ADA;
import static dev.listeningpost.digest.Items.GRACE;
import static dev.listeningpost.digest.Items.STAFF;
import static dev.listeningpost.digest.Items.post;
import static dev.listeningpost.digest.Items.reply;
import static dev.listeningpost.digest.Items.withSentiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.sections.AdvocatesSection;
import dev.listeningpost.digest.sections.ChannelsSection;
import dev.listeningpost.digest.sections.IntroductionsSection;
import dev.listeningpost.digest.sections.SeededWeek;
import dev.listeningpost.digest.sections.Sections;
import dev.listeningpost.digest.sections.ThemesSection;
import dev.listeningpost.digest.sections.WaitingSection;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.feedback.voice.CustomerVoice;
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

  @BeforeEach
  void setUp() {
    DynamoDbClient client = DynoxideExtension.client();
    store = new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
  }

  @Test
  void composesTheWeekInTheConfiguredZoneFromStoredItems() {
    Clock clock = Clock.fixed(W47.end().plus(Duration.ofDays(3)), ZoneOffset.UTC);
    DigestComposer composer = new DigestComposer(store, ThemeLabels.NONE, Sections.defaults(),
        DigestProperties.Digest.defaults().composeOptions(), CustomerVoice.STAFF_ONLY, clock);
    Instant start = W47.start(); // Monday 00:00 in Los Angeles = 08:00 UTC
    Feedback lastOfPrevious = post("prev", ADA, start.minusMillis(1), "sunday night, previous week");
    Feedback question = post("q", ADA, start, "How do I export to CSV?");
    Feedback ghIssue = post("github", "gh-1", GRACE, start.plus(Duration.ofHours(30)), "Export button broken #export");
    Feedback memberAnswer = reply("a1", GRACE, start.plus(Duration.ofHours(2)), "Settings > Export", question);
    Feedback staffAnswer = reply("a2", STAFF, start.plus(Duration.ofHours(3)), "Here are the docs", question);
    Feedback analyzed = withSentiment(post("pos", GRACE, start.plus(Duration.ofDays(2)), "Love the new UI"),
        0.8, "positive", "t-ui");
    Feedback lastOfWeek = post("last", ADA, W47.end().minusMillis(1), "can anyone help? sunday 23:59 local");
    Feedback nextWeek = post("next", ADA, W47.end(), "monday of the next week");
    Feedback olderWeek = post("older", ADA, start.minus(Duration.ofDays(10)), "two weeks ago");
    List.of(lastOfPrevious, question, ghIssue, memberAnswer, staffAnswer, analyzed, lastOfWeek, nextWeek, olderWeek)
        .forEach(store::create);

    Digest d = composer.compose(W47);

    assertEquals(5, d.headline().messages(), "the week's customer items");
    assertEquals(1, d.headline().previousMessages());
    assertEquals(2, d.counts().replies());
    assertEquals(1, d.counts().memberReplies());
    assertEquals(1.0, d.headline().net(), 1e-9);
    ChannelsSection.Model channels = d.section("channels", ChannelsSection.Model.class).orElseThrow();
    assertEquals(Map.of("slack", 4, "github", 1), channels.channels().stream()
        .filter(r -> r.messages() > 0).collect(Collectors.toMap(ChannelsSection.Row::channel, ChannelsSection.Row::messages)));
    assertEquals("t-ui", d.section("themes", ThemesSection.Model.class).orElseThrow().ranked().get(0).themeId());
    assertEquals(Instant.parse("2026-11-26T08:00:00Z"), d.composedAt());
    // Waiting past the 48 h SLA: the GitHub complaint and the Sunday question; the CSV question got answers.
    WaitingSection.Model waiting = d.section("waiting", WaitingSection.Model.class).orElseThrow();
    assertEquals(2, waiting.messages());
    assertEquals(List.of("Grace Hopper", "Ada Lovelace"), waiting.urgent().stream().map(WaitingSection.Person::name).toList());
  }

  @Test
  void theSeededWeekFromStorageGivesTheKnownAnswers() {
    // The seeded week is in UTC; store it and its eight weeks of history, then compose from the table.
    SeededWeek.items().forEach(store::create);
    for (int back = 1; back <= PeriodFeedback.HISTORY_PERIODS; back++) {
      SeededWeek.history(back).forEach(store::create);
    }
    DigestComposer composer = new DigestComposer(store, SeededWeek.LABELS, Sections.defaults(), SeededWeek.OPTIONS,
        SeededWeek.VOICE, Clock.fixed(SeededWeek.NOW, ZoneOffset.UTC));
    Digest d = composer.compose(SeededWeek.W47);

    assertEquals(33, d.headline().messages());
    assertEquals(30, d.headline().people());
    assertEquals(26, d.headline().previousPeople());
    assertEquals(Duration.ofHours(2), d.headline().medianFirstResponse());
    assertEquals(2, d.headline().answeredInTime());
    assertTrue(d.headline().sentence().startsWith("\u201cBilling\u201d is rising fastest"), d.headline().sentence());
    assertEquals(List.of("Ada Lovelace", "Lin Yutang", "Max Planck"), d.section("waiting", WaitingSection.Model.class)
        .orElseThrow().urgent().stream().map(WaitingSection.Person::name).toList());
    assertEquals(List.of("Grace Hopper", "Fay Forum", "Zoe Saldana"), d.section("advocates",
        AdvocatesSection.Model.class).orElseThrow().advocates().stream().map(AdvocatesSection.Advocate::name).toList());
    assertEquals(3, d.section("advocates", AdvocatesSection.Model.class).orElseThrow().advocates().get(0).streak());
    assertEquals(List.of("Max Planck", "Poster 0"), d.section("introductions", IntroductionsSection.Model.class)
        .orElseThrow().introductions().stream().map(i -> i.first().name()).toList());
    assertEquals(List.of("Billing"), d.section("themes", ThemesSection.Model.class).orElseThrow().moving().stream()
        .map(ThemesSection.Row::label).toList());
    assertEquals(List.of("forum"), d.section("channels", ChannelsSection.Model.class).orElseThrow().silent().stream()
        .map(ChannelsSection.Row::channel).toList());
    // The same answers as the unit-level computation on the loaded data.
    assertEquals(SeededWeek.calculator().calculate(SeededWeek.feedback()).counts(), d.counts());
  }
}
