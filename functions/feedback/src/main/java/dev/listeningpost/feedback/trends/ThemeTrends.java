package dev.listeningpost.feedback.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The one definition of theme trends, used by the read API ({@code /api/themes}) and the digest.
 *
 * <p>Rule, per theme, comparing this period with the baseline (the {@code baselinePeriods}
 * periods before it, pooled):
 * <ul>
 *   <li>share = theme's customer items / all analysed customer items of the period (staff excluded);</li>
 *   <li>test: conditional on the theme's items in period + baseline ({@code k}), its items this
 *       period follow Binomial(k, n / (n + n0)) if its share did not change ({@code n}, {@code n0}:
 *       customer volume of period and baseline). Exact two-sided p-value, then Benjamini-Hochberg
 *       over all themes tested in the period;</li>
 *   <li>NEW: items now, none in the baseline. GONE: none now, some in the baseline;</li>
 *   <li>GROWING: q &lt;= alpha, share / baselineShare &gt;= minRatio and at least minRiseVolume
 *       items this period (a handful of messages is an anecdote, not a trend); FADING:
 *       q &lt;= alpha and share / baselineShare &lt;= 1 / minRatio; otherwise STEADY. A theme that
 *       grows with the total keeps its share and so stays STEADY;</li>
 *   <li>fastest riser: among GROWING themes and NEW ones with q &lt;= alpha and at least
 *       minRiseVolume items, the largest rate ratio (shares with +0.5 on both counts, so new
 *       themes compare too), then volume, then id.</li>
 * </ul>
 */
public final class ThemeTrends {
  /**
   * Four periods of baseline, 5% false discovery rate, at least a 25% relative change in share,
   * at least 5 items behind a claimed rise.
   */
  public static final ThemeTrends DEFAULT = new ThemeTrends(4, 0.05, 1.25, 5);

  private final int baselinePeriods;
  private final double alpha;
  private final double minRatio;
  private final long minRiseVolume;

  public ThemeTrends(int baselinePeriods, double alpha, double minRatio, long minRiseVolume) {
    if (baselinePeriods < 1 || alpha <= 0 || alpha >= 1 || minRatio < 1 || minRiseVolume < 1) {
      throw new IllegalArgumentException("baselinePeriods >= 1, 0 < alpha < 1, minRatio >= 1, minRiseVolume >= 1");
    }
    this.baselinePeriods = baselinePeriods;
    this.alpha = alpha;
    this.minRatio = minRatio;
    this.minRiseVolume = minRiseVolume;
  }

  public int baselinePeriods() {
    return baselinePeriods;
  }

  public double alpha() {
    return alpha;
  }

  /**
   * The trends of one period.
   *
   * @param customers          analysed customer items this period
   * @param previousCustomers  the same, in the period before
   * @param baselineCustomers  the same, over the baseline periods
   * @param themes             every theme with items now or in the baseline, largest volume first
   */
  public record Result(long customers, long previousCustomers, long baselineCustomers, List<ThemeTrend> themes) {
    public Result {
      themes = List.copyOf(themes);
    }

    public Optional<ThemeTrend> fastestRiser() {
      return themes.stream().filter(ThemeTrend::fastestRiser).findFirst();
    }

    public Optional<ThemeTrend> of(String themeId) {
      return themes.stream().filter(t -> t.themeId().equals(themeId)).findFirst();
    }
  }

  /**
   * @param current this period's counts
   * @param earlier the periods before it, most recent first; the first is "previous", the first
   *                {@link #baselinePeriods()} form the baseline (fewer if fewer are given)
   */
  public Result compute(PeriodCounts current, List<PeriodCounts> earlier) {
    PeriodCounts previous = earlier.isEmpty() ? PeriodCounts.EMPTY : earlier.get(0);
    List<PeriodCounts> baseline = earlier.subList(0, Math.min(earlier.size(), baselinePeriods));
    long n0 = baseline.stream().mapToLong(PeriodCounts::customers).sum();
    TreeSet<String> ids = new TreeSet<>(current.byTheme().keySet());
    baseline.forEach(b -> ids.addAll(b.byTheme().keySet()));

    List<ThemeTrend> raw = new ArrayList<>();
    for (String id : ids) {
      long x0 = baseline.stream().mapToLong(b -> b.count(id)).sum();
      long x1 = current.count(id);
      if (x1 > 0 || x0 > 0) {
        raw.add(measure(id, current, previous, x1, x0, n0));
      }
    }
    List<ThemeTrend> judged = classify(raw, adjust(raw));
    judged.sort(Comparator.comparingLong(ThemeTrend::volume).reversed().thenComparing(ThemeTrend::themeId));
    return new Result(current.customers(), previous.customers(), n0, markFastestRiser(judged));
  }

  private static ThemeTrend measure(String id, PeriodCounts current, PeriodCounts previous, long x1, long x0,
                                    long n0) {
    long n1 = current.customers();
    long xp = previous.count(id);
    Double share = ratio(x1, n1);
    Double previousShare = ratio(xp, previous.customers());
    Double baselineShare = ratio(x0, n0);
    Double rateRatio = n1 > 0 && n0 > 0 ? ((x1 + 0.5) / n1) / ((x0 + 0.5) / n0) : null;
    // Conditional test of equal rates with exposures n1 and n0 (exact, fine for small counts).
    Double p = n1 > 0 && n0 > 0 ? Binomial.twoSided(x1 + x0, x1, n1 / (double) (n1 + n0)) : null;
    return new ThemeTrend(id, TrendStatus.STEADY, x1, share, xp, previousShare, x0, baselineShare,
        diff(share, previousShare), diff(share, baselineShare), rateRatio, p, null, false);
  }

  /** Benjamini-Hochberg q-values, in the order of {@code trends} (null where untested). */
  static Double[] adjust(List<ThemeTrend> trends) {
    Double[] q = new Double[trends.size()];
    List<Integer> tested = new ArrayList<>();
    for (int i = 0; i < trends.size(); i++) {
      if (trends.get(i).pValue() != null) {
        tested.add(i);
      }
    }
    tested.sort(Comparator.comparingDouble(i -> trends.get(i).pValue()));
    int m = tested.size();
    double running = 1.0;
    for (int r = m - 1; r >= 0; r--) {
      int i = tested.get(r);
      running = Math.min(running, trends.get(i).pValue() * m / (r + 1));
      q[i] = running;
    }
    return q;
  }

  private List<ThemeTrend> classify(List<ThemeTrend> raw, Double[] q) {
    List<ThemeTrend> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      ThemeTrend t = raw.get(i);
      out.add(new ThemeTrend(t.themeId(), status(t, q[i]), t.volume(), t.share(), t.previousVolume(),
          t.previousShare(), t.baselineVolume(), t.baselineShare(), t.changeVsPrevious(), t.changeVsBaseline(),
          t.rateRatio(), t.pValue(), q[i], false));
    }
    return out;
  }

  private TrendStatus status(ThemeTrend t, Double q) {
    if (t.baselineVolume() == 0) {
      return TrendStatus.NEW;
    }
    if (t.volume() == 0) {
      return TrendStatus.GONE;
    }
    if (q == null || q > alpha) {
      return TrendStatus.STEADY;
    }
    double change = t.share() / t.baselineShare();
    if (change >= minRatio) {
      return t.volume() >= minRiseVolume ? TrendStatus.GROWING : TrendStatus.STEADY;
    }
    return change <= 1 / minRatio ? TrendStatus.FADING : TrendStatus.STEADY;
  }

  private List<ThemeTrend> markFastestRiser(List<ThemeTrend> trends) {
    Optional<ThemeTrend> best = trends.stream().filter(this::risesSignificantly)
        .max(Comparator.comparingDouble(ThemeTrend::rateRatio).thenComparingLong(ThemeTrend::volume)
            .thenComparing(ThemeTrend::themeId, Comparator.reverseOrder()));
    if (best.isEmpty()) {
      return trends;
    }
    List<ThemeTrend> out = new ArrayList<>(trends);
    out.replaceAll(t -> t == best.get() ? t.withFastestRiser() : t);
    return out;
  }

  /** A claimable rise: GROWING, or NEW with a significant test and enough items. */
  public boolean risesSignificantly(ThemeTrend t) {
    boolean significant = t.status() == TrendStatus.GROWING
        || (t.status() == TrendStatus.NEW && t.qValue() != null && t.qValue() <= alpha);
    return significant && t.rateRatio() != null && t.volume() >= minRiseVolume;
  }

  private static Double ratio(long x, long n) {
    return n == 0 ? null : x / (double) n;
  }

  private static Double diff(Double a, Double b) {
    return a == null || b == null ? null : a - b;
  }
}
