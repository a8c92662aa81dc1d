package dev.listeningpost.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.listeningpost.analyze.testing.Blobs;
import dev.listeningpost.analyze.testing.FakeEmbedder;
import dev.listeningpost.analyze.themes.Member;
import dev.listeningpost.analyze.themes.Period;
import dev.listeningpost.analyze.themes.Theme;
import dev.listeningpost.analyze.themes.ThemeJob;
import dev.listeningpost.analyze.themes.ThemeQueryService;
import dev.listeningpost.analyze.themes.ThemeQueryService.ThemeSummary;
import dev.listeningpost.analyze.themes.store.FeedbackEmbeddings;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynoxideExtension.class)
class ThemeJobIT {
  private static final Instant T0 = Instant.parse("2026-11-16T09:00:00Z");

  private final DynamoDbClient client = DynoxideExtension.client();
  private final FeedbackStore store =
      new FeedbackStore(client, DynoxideExtension.newFeedbackTable(client), FeedbackSchema.create(Duration.ZERO));
  private final String themeTable = table();
  private final ThemeStore themes = new ThemeStore(client, themeTable);

  private String table() {
    String name = DynoxideExtension.uniqueName("themes");
    TableDefinitions.ensure(client, KeyedTable.definition(name));
    return name;
  }

  /** 240 analyzed items over 6 topics, created one hour apart from {@code start}. */
  private void seed(String prefix, Instant start, long seed) {
    List<Member> ms = new Blobs(6, 48, 7).members(prefix, 240, seed);
    for (int i = 0; i < ms.size(); i++) {
      Member m = ms.get(i);
      Instant created = start.plus(Duration.ofMinutes(30L * i));
      store.create(Feedback.builder().id(m.id()).channel("slack").text(m.text()).createdAt(created)
          .permalink("https://example.slack.com/" + m.id()).build());
      store.enrich(m.id(), new Enrichment(i % 2 == 0 ? 0.5 : -0.1, "neutral", m.vector(), null, created));
    }
  }

  private ThemeJob job(Instant now) {
    return new ThemeJob(store, themes, new FeedbackEmbeddings(client, store.tableName()), new FakeEmbedder(),
        AnalyzeProperties.Theme.defaults().settings(), Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(30), Duration.ofMinutes(10));
  }

  @Test
  void nightlyRunFindsThemesAssignsItemsAndASecondRunChangesNothing() {
    seed("a", T0, 1);
    Instant night = T0.plus(Duration.ofDays(6));
    ThemeJob.Report r = job(night).run();

    assertEquals(240, r.newItems());
    assertEquals(6, r.activeThemes());
    assertEquals(0, r.unassigned());
    List<Theme> saved = themes.themes();
    assertEquals(6, saved.size());
    assertEquals(240, saved.stream().mapToLong(Theme::size).sum());
    assertEquals(240, saved.stream().mapToLong(t -> t.weekly().getOrDefault("2026-W47", 0L)).sum());
    Feedback one = store.find("a0").orElseThrow();
    assertNotNull(one.enrichment().themeId());
    assertEquals(T0, one.enrichment().analyzedAt(), "writing the theme keeps the analysis time");
    saved.forEach(t -> assertEquals(3, t.quotes().size()));
    saved.forEach(t -> assertNotNull(t.quotes().get(0).permalink()));

    ThemeJob.Report again = job(night.plusSeconds(60)).run();
    assertEquals(0, again.newItems());
    assertEquals(6, again.activeThemes());
    assertEquals(240, themes.themes().stream().mapToLong(Theme::size).sum(), "nothing counted twice");
    assertEquals(Map.copyOf(idsOf(saved)), Map.copyOf(idsOf(themes.themes())));
  }

  @Test
  void nextWeeksItemsKeepThemeIdsAndTheReadApiShowsVolumesTrendsAndItems() {
    seed("a", T0, 1);
    job(T0.plus(Duration.ofDays(6))).run();
    List<String> before = themes.themes().stream().map(Theme::id).sorted().toList();
    String themeOfA0 = store.find("a0").orElseThrow().enrichment().themeId();

    // Next week: only topics 0..5 again, twice the volume of topic 0.
    seed("b", T0.plus(Duration.ofDays(7)), 2);
    ThemeJob.Report r = job(T0.plus(Duration.ofDays(13))).run();
    assertEquals(240, r.newItems());
    assertEquals(before, themes.themes().stream().map(Theme::id).sorted().toList());
    assertEquals(themeOfA0, store.find("a0").orElseThrow().enrichment().themeId());
    assertEquals(themeOfA0, store.find("b0").orElseThrow().enrichment().themeId(), "same topic, same theme");
    assertEquals(2, themes.themes().get(0).weekly().size());

    ThemeQueryService query = new ThemeQueryService(themes, store);
    List<ThemeSummary> week = query.themes(Period.parse("2026-W48", Clock.systemUTC()));
    assertEquals(6, week.size());
    week.forEach(s -> assertEquals(40, s.size()));
    week.forEach(s -> assertEquals(40, s.previousSize()));
    week.forEach(s -> assertEquals("steady", s.trend()));
    week.forEach(s -> assertNotNull(s.sentiment()));
    var detail = query.theme(themeOfA0, Period.parse("2026-W48", Clock.systemUTC())).orElseThrow();
    assertEquals(40, detail.items().size());
    assertTrue(detail.items().stream().allMatch(i -> i.id().startsWith("b")));
    assertFalse(query.theme("t-unknown", Period.parse("7d", Clock.systemUTC())).isPresent());
  }

  @ParameterizedTest
  @Event(value = "../../events/themes/nightly.json", type = ScheduledEvent.class)
  void theScheduledHandlerRunsTheJob(ScheduledEvent event) {
    seed("a", Instant.now().minus(Duration.ofDays(6)), 1);
    try (ApplicationContext ctx = ApplicationContext.run(Map.of("dynamodb.endpoint", DynoxideExtension.endpoint(),
        "feedback.table", store.tableName(), "theme.table", themeTable, "analyze.test-sentiment", "true"))) {
      ctx.registerSingleton(dev.listeningpost.analyze.embed.Embedder.class, new FakeEmbedder());
      Map<String, Object> out = new ThemesHandler(ctx).handleRequest(event, null);
      assertEquals(240, out.get("newItems"));
      assertEquals(6, out.get("activeThemes"));
    }
  }

  private static Map<String, String> idsOf(List<Theme> ts) {
    return ts.stream().collect(java.util.stream.Collectors.toMap(Theme::id, Theme::label));
  }
}
