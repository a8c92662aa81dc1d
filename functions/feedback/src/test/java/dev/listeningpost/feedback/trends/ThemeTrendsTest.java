package dev.listeningpost.feedback.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Enrichment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeTrendsTest {
  private static final ThemeTrends RULE = ThemeTrends.DEFAULT;

  private static PeriodCounts period(long customers, Object... themeAndCount) {
    Map<String, Long> m = new HashMap<>();
    for (int i = 0; i < themeAndCount.length; i += 2) {
      m.put((String) themeAndCount[i], ((Number) themeAndCount[i + 1]).longValue());
    }
    return new PeriodCounts(customers, m);
  }

  /** The same period four times: a flat baseline, most recent first. */
  private static List<PeriodCounts> flat(PeriodCounts p) {
    return List.of(p, p, p, p);
  }

  private static ThemeTrend trend(ThemeTrends.Result r, String id) {
    return r.of(id).orElseThrow(() -> new AssertionError("no trend for " + id));
  }

  @Test
  void aThemeThatGrowsWithTheTotalIsSteady() {
    // Everything grew 40%: absolute counts rise, shares do not.
    ThemeTrends.Result r = RULE.compute(period(1400, "late", 140, "bags", 280, "refund", 70),
        flat(period(1000, "late", 100, "bags", 200, "refund", 50)));
    for (String id : List.of("late", "bags", "refund")) {
      ThemeTrend t = trend(r, id);
      assertEquals(TrendStatus.STEADY, t.status(), id);
      assertEquals(0.0, t.changeVsBaseline(), 1e-12);
      assertTrue(t.pValue() > 0.5, id + " p=" + t.pValue());
      assertFalse(t.fastestRiser());
    }
    assertTrue(r.fastestRiser().isEmpty());
  }

  @Test
  void aFourfoldRiseInShareIsGrowing() {
    ThemeTrends.Result r = RULE.compute(period(1000, "bags", 40, "late", 100),
        flat(period(1000, "bags", 10, "late", 100)));
    ThemeTrend bags = trend(r, "bags");
    assertEquals(TrendStatus.GROWING, bags.status());
    assertEquals(0.04, bags.share(), 1e-12);
    assertEquals(0.01, bags.baselineShare(), 1e-12);
    assertEquals(0.01, bags.previousShare(), 1e-12);
    assertEquals(0.03, bags.changeVsBaseline(), 1e-12);
    assertEquals(0.03, bags.changeVsPrevious(), 1e-12);
    assertTrue(bags.qValue() < 1e-6, "q=" + bags.qValue());
    assertTrue(bags.fastestRiser());
    assertEquals(TrendStatus.STEADY, trend(r, "late").status());
  }

  @Test
  void aSmallCountFluctuationIsNotSignificant() {
    // 1-2 items a week, then 5: 3x the usual share, but chance explains it.
    ThemeTrends.Result r = RULE.compute(period(500, "wifi", 5),
        List.of(period(500, "wifi", 2), period(500, "wifi", 1), period(500, "wifi", 2), period(500, "wifi", 1)));
    ThemeTrend wifi = trend(r, "wifi");
    assertTrue(wifi.share() / wifi.baselineShare() > 3);
    assertTrue(wifi.pValue() > 0.05, "p=" + wifi.pValue());
    assertEquals(TrendStatus.STEADY, wifi.status());
    assertTrue(r.fastestRiser().isEmpty());
  }

  @Test
  void aNewThemeIsNewAndAGoneThemeIsGone() {
    ThemeTrends.Result r = RULE.compute(period(1000, "strike", 60, "late", 100),
        flat(period(1000, "late", 100, "promo", 30)));
    ThemeTrend strike = trend(r, "strike");
    assertEquals(TrendStatus.NEW, strike.status());
    assertEquals(0, strike.baselineVolume());
    assertTrue(RULE.risesSignificantly(strike), "60 items where there were none is no accident");
    ThemeTrend promo = trend(r, "promo");
    assertEquals(TrendStatus.GONE, promo.status());
    assertEquals(0, promo.volume());
    assertEquals(0.0, promo.share(), 1e-12);

    ThemeTrend single = trend(RULE.compute(period(1000, "odd", 1), flat(period(1000))), "odd");
    assertEquals(TrendStatus.NEW, single.status(), "new is a fact, whatever the count");
    assertFalse(RULE.risesSignificantly(single));
  }

  @Test
  void aSignificantDropIsFading() {
    ThemeTrends.Result r = RULE.compute(period(1000, "app", 20, "late", 100),
        flat(period(1000, "app", 100, "late", 100)));
    assertEquals(TrendStatus.FADING, trend(r, "app").status());
    assertEquals(-0.08, trend(r, "app").changeVsBaseline(), 1e-12);
  }

  @Test
  void theFastestSignificantRiserIsPicked() {
    ThemeTrends.Result r = RULE.compute(
        period(2000, "double", 400, "fivefold", 100, "tiny", 3, "late", 400),
        flat(period(2000, "double", 200, "fivefold", 20, "late", 400)));
    // "tiny" has the highest ratio on paper (0 -> 3): too few items to claim a rise.
    assertEquals(TrendStatus.GROWING, trend(r, "double").status());
    assertEquals(TrendStatus.GROWING, trend(r, "fivefold").status());
    assertFalse(RULE.risesSignificantly(trend(r, "tiny")));
    assertTrue(RULE.risesSignificantly(trend(r, "fivefold")));
    assertEquals("fivefold", r.fastestRiser().orElseThrow().themeId());
    assertEquals(1, r.themes().stream().filter(ThemeTrend::fastestRiser).count());
  }

  @Test
  void manyThemesAreCorrectedForMultipleTesting() {
    // 2% vs a 1% baseline on these counts: p about 0.02 on its own...
    List<PeriodCounts> baseline = flat(period(1000, "x", 10));
    assertEquals(TrendStatus.GROWING, trend(RULE.compute(period(1000, "x", 20), baseline), "x").status());
    // ...but not once 20 other themes were tested alongside and showed nothing.
    Object[] now = new Object[42];
    Object[] before = new Object[42];
    now[0] = "x";
    now[1] = 20;
    before[0] = "x";
    before[1] = 10;
    for (int i = 1; i <= 20; i++) {
      now[2 * i] = "t" + i;
      now[2 * i + 1] = 40;
      before[2 * i] = "t" + i;
      before[2 * i + 1] = 40;
    }
    ThemeTrends.Result r = RULE.compute(period(1000, now), flat(period(1000, before)));
    ThemeTrend x = trend(r, "x");
    assertTrue(x.pValue() < 0.05, "p=" + x.pValue());
    assertTrue(x.qValue() > 0.05, "q=" + x.qValue());
    assertEquals(TrendStatus.STEADY, x.status());
  }

  @Test
  void theBaselineIsThePooledShareOfTheLastPeriodsOnly() {
    List<PeriodCounts> earlier = new ArrayList<>(flat(period(1000, "a", 10)));
    earlier.add(period(1000, "a", 500)); // a fifth period back: outside the baseline
    ThemeTrend a = trend(RULE.compute(period(1000, "a", 10), earlier), "a");
    assertEquals(40, a.baselineVolume());
    assertEquals(0.01, a.baselineShare(), 1e-12);
    assertEquals(TrendStatus.STEADY, a.status());
  }

  @Test
  void withoutHistoryThemesAreNewButNoneIsARiser() {
    ThemeTrends.Result r = RULE.compute(period(100, "a", 50), List.of());
    assertEquals(TrendStatus.NEW, trend(r, "a").status());
    assertEquals(null, trend(r, "a").pValue());
    assertTrue(r.fastestRiser().isEmpty());
  }

  @Test
  void exactBinomialTails() {
    assertEquals(Math.log(24), Binomial.logGamma(5), 1e-12);
    assertEquals(56 / 1024.0, Binomial.upper(10, 8, 0.5), 1e-12);
    assertEquals(56 / 1024.0, Binomial.lower(10, 2, 0.5), 1e-12);
    assertEquals(112 / 1024.0, Binomial.twoSided(10, 8, 0.5), 1e-12);
    assertEquals(1.0, Binomial.twoSided(10, 5, 0.5), 1e-12);
    // Large counts stay finite and tiny.
    assertTrue(Binomial.twoSided(200_000, 60_000, 0.25) < 1e-100);
  }

  @Test
  void countsAreAnalysedCustomerItemsWithMergedThemesResolved() {
    Author customer = new Author("c", "c", "C", false);
    Author staff = new Author("s", "s", "S", true);
    Instant t = Instant.parse("2026-11-16T10:00:00Z");
    List<Feedback> items = List.of(
        item("1", customer, new Enrichment(0.1, "neutral", null, "t-a", t)),
        item("2", customer, new Enrichment(0.1, "neutral", null, "t-old", t)),    // merged into t-a
        item("3", customer, new Enrichment(0.1, "neutral", null, null, t)),       // analysed, no theme
        item("4", staff, new Enrichment(0.1, "neutral", null, "t-a", t)),         // staff: never counted
        item("5", customer, null));                                                // not analysed yet
    PeriodCounts c = PeriodCounts.of(items, id -> id.equals("t-old") ? "t-a" : id);
    assertEquals(3, c.customers());
    assertEquals(Map.of("t-a", 2L), c.byTheme());
  }

  private static Feedback item(String id, Author a, Enrichment e) {
    return Feedback.builder().id(id).channel("x").author(a).text("t").createdAt(Instant.parse("2026-11-16T09:00:00Z"))
        .enrichment(e).build();
  }
}
