package dev.listeningpost.feedback.trends;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Customer volume of one period and how much of it each theme holds: the input of {@link ThemeTrends}.
 *
 * @param customers analysed customer items in the period (the exposure: shares are of this)
 * @param byTheme   analysed customer items per theme id
 */
public record PeriodCounts(long customers, Map<String, Long> byTheme) {
  public static final PeriodCounts EMPTY = new PeriodCounts(0, Map.of());

  public PeriodCounts {
    byTheme = Map.copyOf(byTheme);
  }

  public long count(String themeId) {
    return byTheme.getOrDefault(themeId, 0L);
  }

  /** The same counts with theme ids mapped (e.g. merged themes to their heir); null drops a theme. */
  public PeriodCounts resolved(UnaryOperator<String> resolve) {
    Map<String, Long> out = new HashMap<>();
    byTheme.forEach((id, n) -> {
      String to = resolve.apply(id);
      if (to != null) {
        out.merge(to, n, Long::sum);
      }
    });
    return new PeriodCounts(customers, out);
  }

  /** Counts items as they are stored (theme ids not resolved). */
  public static PeriodCounts of(Collection<Feedback> items) {
    return of(items, UnaryOperator.identity());
  }

  /**
   * Counts the customer items that analysis has seen. Unanalysed items are left out of the
   * exposure too: they cannot carry a theme yet, and counting them would make every theme look
   * like it is fading whenever analysis lags.
   *
   * @param resolve maps a stored theme id to the theme it counts for (a merged theme's heir); null drops it
   */
  public static PeriodCounts of(Collection<Feedback> items, UnaryOperator<String> resolve) {
    return of(items, resolve, CustomerVoice.STAFF_ONLY);
  }

  /** As {@link #of(Collection, UnaryOperator)}, with the brand's own handles left out too. */
  public static PeriodCounts of(Collection<Feedback> items, UnaryOperator<String> resolve, CustomerVoice voice) {
    long customers = 0;
    Map<String, Long> byTheme = new HashMap<>();
    for (Feedback f : items) {
      if (!counts(f, voice)) {
        continue;
      }
      customers++;
      String theme = f.enrichment().themeId() == null ? null : resolve.apply(f.enrichment().themeId());
      if (theme != null) {
        byTheme.merge(theme, 1L, Long::sum);
      }
    }
    return new PeriodCounts(customers, byTheme);
  }

  /** Customer voice: not by staff, not deleted, analysed (or already themed). */
  public static boolean counts(Feedback f) {
    return counts(f, CustomerVoice.STAFF_ONLY);
  }

  /** Customer voice by {@code voice}: not staff, not a brand handle, not deleted, analysed (or already themed). */
  public static boolean counts(Feedback f, CustomerVoice voice) {
    return voice.isCustomer(f) && f.status() != Feedback.Status.DELETED && f.enrichment() != null
        && (f.enrichment().analyzedAt() != null || f.enrichment().themeId() != null);
  }

  /** Staff items stay stored but are never customer volume. */
  public static boolean isCustomer(Feedback f) {
    return !f.author().staff();
  }
}
