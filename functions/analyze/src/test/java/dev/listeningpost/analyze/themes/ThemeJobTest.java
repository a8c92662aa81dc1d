package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.testing.Blobs;
import dev.listeningpost.analyze.testing.FakeEmbedder;
import dev.listeningpost.analyze.testing.InMemoryStores;
import dev.listeningpost.analyze.themes.store.JobState;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Enrichment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The nightly job reads by analysis time: late and back-dated items are clustered, once. */
class ThemeJobTest {
  private static final Instant T0 = Instant.parse("2026-11-16T09:00:00Z");
  private static final Instant NIGHT1 = T0.plus(Duration.ofDays(6));
  private static final Instant NIGHT2 = NIGHT1.plus(Duration.ofDays(1));
  private static final Duration SETTLE = Duration.ofMinutes(10);

  private final Blobs blobs = new Blobs(6, 48, 7);
  private final InMemoryStores.Items items = new InMemoryStores.Items();
  private final InMemoryStores.Themes themes = new InMemoryStores.Themes();

  private ThemeJob job(Instant now) {
    return new ThemeJob(items, themes, new InMemoryStores.Embeddings(items), new FakeEmbedder(),
        AnalyzeProperties.Theme.defaults().settings(), Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(30), SETTLE);
  }

  /** n items of the six topics, created every 30 minutes from {@code created}, analysed at {@code analyzed} (null: on creation). */
  private void seed(String prefix, int n, long seed, Instant created, Instant analyzed) {
    seed(prefix, n, seed, created, analyzed, true);
  }

  private void seed(String prefix, int n, long seed, Instant created, Instant analyzed, boolean indexed) {
    List<Member> ms = blobs.members(prefix, n, seed);
    for (int i = 0; i < ms.size(); i++) {
      Member m = ms.get(i);
      Instant at = created.plus(Duration.ofMinutes(30L * i));
      Feedback f = Feedback.builder().id(m.id()).channel("slack").text(m.text()).createdAt(at)
          .enrichment(new Enrichment(0.1, "neutral", m.vector(), null, analyzed == null ? at : analyzed)).build();
      if (indexed) {
        items.put(f);
      } else {
        items.putUnindexed(f);
      }
    }
  }

  private Map<String, String> themeOfItems() {
    return items.createdBetween(Instant.EPOCH, NIGHT2.plus(Duration.ofDays(30)), null).stream()
        .collect(Collectors.toMap(Feedback::id, f -> String.valueOf(f.enrichment().themeId())));
  }

  private Map<String, Theme> themesById() {
    return themes.themes().stream().collect(Collectors.toMap(Theme::id, Function.identity()));
  }

  @Test
  void backDatedItemsAnalysedAfterARunAreClusteredByTheNextRunAndARerunChangesNothing() {
    seed("a", 240, 1, T0, null);
    ThemeJob.Report first = job(NIGHT1).run();
    assertEquals(240, first.newItems());
    assertEquals(6, first.activeThemes());

    // History imported after the first run: written five weeks ago, analysed today.
    Instant created = T0.minus(Duration.ofDays(35));
    Instant analysed = NIGHT1.plus(Duration.ofHours(2));
    seed("old", 60, 2, created, analysed);
    assertTrue(items.find("old0").orElseThrow().createdAt().isBefore(first.from()),
        "created before anything the first run looked at");
    assertNull(items.find("old0").orElseThrow().enrichment().themeId());

    ThemeJob.Report second = job(NIGHT2).run();
    assertEquals(60, second.newItems(), "every item analysed since the last run, whatever its creation time");
    for (int i = 0; i < 60; i++) {
      Feedback f = items.find("old" + i).orElseThrow();
      assertNotNull(f.enrichment().themeId(), f.id() + " clustered");
      assertEquals(analysed, f.enrichment().analyzedAt(), "writing the theme keeps the analysis time");
      // Same topic as this week's items, same theme.
      assertEquals(items.find("a" + blobs.topicOf(i)).orElseThrow().enrichment().themeId(), f.enrichment().themeId());
    }
    String oldWeek = ThemeJob.week(created);
    assertEquals(60, themes.themes().stream().mapToLong(t -> t.weekly().getOrDefault(oldWeek, 0L)).sum(),
        "counted in the week they were written");
    assertEquals(300, themes.themes().stream().mapToLong(Theme::size).sum());

    Map<String, String> itemThemes = themeOfItems();
    Map<String, Theme> before = themesById();
    ThemeJob.Report again = job(NIGHT2.plusSeconds(60)).run();
    assertEquals(0, again.newItems());
    assertEquals(0, again.reassigned());
    assertEquals(itemThemes, themeOfItems(), "no item changes theme");
    Map<String, Theme> after = themesById();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((id, t) -> {
      assertEquals(t.size(), after.get(id).size(), "nothing counted twice: " + id);
      assertEquals(t.weekly(), after.get(id).weekly(), id);
      assertEquals(t.status(), after.get(id).status(), id);
    });
  }

  @Test
  void itemsAnalysedInsideTheSettleWindowWaitForTheNextRun() {
    seed("a", 120, 1, T0, null);
    job(NIGHT1).run();
    Instant late = NIGHT2.minus(SETTLE).plusSeconds(1);
    seed("late", 12, 3, T0.minus(Duration.ofDays(3)), late);

    assertEquals(0, job(NIGHT2).run().newItems(), "analysed too recently: the index may not show all of it yet");
    assertEquals(12, job(NIGHT2.plus(Duration.ofHours(1))).run().newItems());
    assertEquals(0, job(NIGHT2.plus(Duration.ofHours(2))).run().newItems());
  }

  @Test
  void theFirstRunAfterAnUpgradeFromCreationTimeAlsoFoldsItemsCreatedSinceTheOldWatermark() {
    Instant oldWatermark = NIGHT1.minus(SETTLE);
    themes.saveState(new JobState(oldWatermark, NIGHT1, 0, 0, false));
    // Written and analysed by the previous version after its last run: no byAnalyzedDay keys.
    seed("pre", 36, 5, oldWatermark.plus(Duration.ofMinutes(5)), null, false);
    // Analysed by this version: back-dated history.
    seed("old", 24, 2, T0.minus(Duration.ofDays(35)), NIGHT1.plus(Duration.ofHours(2)));

    assertEquals(60, job(NIGHT2).run().newItems());
    assertTrue(themes.state().byAnalysis());
    assertNotNull(items.find("pre0").orElseThrow().enrichment().themeId());
    assertEquals(0, job(NIGHT2.plusSeconds(60)).run().newItems(), "from now on, by analysis time only");
  }

  @Test
  void eachItemIsReadByExactlyOneRun() {
    seed("a", 120, 1, T0, null);
    job(NIGHT1).run();
    seed("b", 30, 4, T0.minus(Duration.ofDays(20)), NIGHT1.plus(Duration.ofHours(3)));
    job(NIGHT2).run();
    job(NIGHT2.plus(Duration.ofDays(1))).run();
    Map<String, Long> reads = items.reads.stream().flatMap(List::stream)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(150, reads.size());
    assertTrue(reads.values().stream().allMatch(n -> n == 1), "no item read twice: " + reads);
  }
}
