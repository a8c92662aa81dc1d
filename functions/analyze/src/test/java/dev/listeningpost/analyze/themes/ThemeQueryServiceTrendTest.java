package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.testing.InMemoryStores;
import dev.listeningpost.analyze.themes.ThemeQueryService.PeriodThemes;
import dev.listeningpost.analyze.themes.ThemeQueryService.ThemeSummary;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Enrichment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The read API's themes use the shared trend rule on customer volume. */
class ThemeQueryServiceTrendTest {
  private static final Period W48 = Period.parse("2026-W48", Clock.systemUTC());
  private static final Author CUSTOMER = new Author("c", "c", "Customer", false);
  private static final Author STAFF = new Author("s", "s", "Care team", true);

  private final InMemoryStores.Items items = new InMemoryStores.Items();
  private final InMemoryStores.Themes themes = new InMemoryStores.Themes();
  private final ThemeQueryService query = new ThemeQueryService(themes, items);
  private int seq;

  private static Theme theme(String id, Theme.Status status, String heir) {
    return new Theme(id, id + " label", List.of(), new float[] {1, 0}, 0, status, heir,
        Instant.parse("2026-10-01T00:00:00Z"), null, List.of(), Map.of());
  }

  /** n items in the period, analysed; theme null = analysed but unthemed. */
  private void add(Period p, int n, String theme, Author author) {
    for (int i = 0; i < n; i++) {
      Instant at = p.from().plus(Duration.ofMinutes(7L * i + 1));
      String id = "i" + seq++;
      items.put(Feedback.builder().id(id).channel("x").text("text " + id).author(author).createdAt(at)
          .enrichment(new Enrichment(-0.5, "negative", null, theme, at)).build());
    }
  }

  @Test
  void sharesOfCustomerVolumeDecideTrendsAndTheFastestRiser() {
    themes.saveThemes(List.of(theme("t-late", Theme.Status.ACTIVE, null), theme("t-bags", Theme.Status.ACTIVE, null),
        theme("t-old", Theme.Status.RETIRED, "t-bags")));
    Period p = W48;
    for (int week = 0; week < 4; week++) {
      p = p.previous();
      add(p, 60, "t-late", CUSTOMER);
      add(p, 5, "t-bags", CUSTOMER);
      add(p, 5, "t-old", CUSTOMER);     // merged into t-bags: counts for it
      add(p, 30, null, CUSTOMER);
      add(p, 40, "t-late", STAFF);      // care replies: never volume
    }
    // Everything grew 40%; bags' share went from 10% to about 29%.
    add(W48, 84, "t-late", CUSTOMER);
    add(W48, 40, "t-bags", CUSTOMER);
    add(W48, 16, null, CUSTOMER);
    add(W48, 50, "t-bags", STAFF);

    PeriodThemes view = query.overview(W48);
    assertEquals(140, view.customerVolume());
    assertEquals(100, view.previousCustomerVolume());
    assertEquals(400, view.baselineCustomerVolume());
    assertEquals("t-bags", view.fastestRiser());
    Map<String, ThemeSummary> byId = view.themes().stream().collect(Collectors.toMap(ThemeSummary::id, s -> s));
    assertEquals(java.util.Set.of("t-late", "t-bags"), byId.keySet());

    ThemeSummary late = byId.get("t-late");
    assertEquals(84, late.size());
    assertEquals(60, late.previousSize());
    assertEquals("steady", late.trend(), "grew 40% with everything else");
    assertEquals(0.6, late.share(), 1e-12);
    assertEquals(0.0, late.changeVsBaseline(), 1e-12);
    assertFalse(late.fastestRiser());

    ThemeSummary bags = byId.get("t-bags");
    assertEquals(40, bags.size(), "customer items only");
    assertEquals(10, bags.previousSize(), "merged theme's items count for its heir");
    assertEquals("growing", bags.trend());
    assertEquals(0.1, bags.baselineShare(), 1e-12);
    assertEquals(40 / 140.0 - 0.1, bags.changeVsPrevious(), 1e-12);
    assertTrue(bags.qValue() < 0.05);
    assertTrue(bags.fastestRiser());

    var detail = query.theme("t-old", W48).orElseThrow();
    assertEquals("t-bags", detail.theme().id());
    assertEquals(40, detail.items().size(), "no staff replies among the theme's items");
    assertEquals(detail.theme(), bags);
  }

  @Test
  void withoutHistoryEveryThemeIsNewAndNothingIsARiser() {
    themes.saveThemes(List.of(theme("t-a", Theme.Status.ACTIVE, null)));
    add(W48, 30, "t-a", CUSTOMER);
    PeriodThemes view = query.overview(W48);
    assertEquals("new", view.themes().get(0).trend());
    assertNull(view.fastestRiser());
  }
}
