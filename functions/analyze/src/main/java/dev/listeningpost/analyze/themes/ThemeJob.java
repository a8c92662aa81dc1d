package dev.listeningpost.analyze.themes;

import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.themes.store.FeedbackEmbeddings;
import dev.listeningpost.analyze.themes.store.JobState;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.store.FeedbackStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly re-cluster. Folds the items analysed since the last run into the bounded sample,
 * whatever their creation time: history imported late, re-delivered old messages and re-analysed
 * edits are clustered too (they are read by analysis time, on the feedback table's byAnalyzedDay
 * index; the watermark is an analysis time). Uses their stored embeddings (or embeds them if the
 * stream has not yet), re-clusters the sample
 * starting from the current themes, assigns each new item (sticky, so items keep their theme),
 * counts them per ISO week, writes changed theme ids back to the items, and saves themes, sample
 * and state. Memory is the sample plus one night's items, whatever the total volume.
 *
 * <p>Running it twice in a row is harmless: the second run finds no newly analysed items,
 * re-clusters the same sample from the same themes and counts nothing twice. Writing a theme id
 * back keeps the item's analysis time, so it never brings the item back into a later run.
 */
public class ThemeJob {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeJob.class);

  private final FeedbackStore feedback;
  private final ThemeStore store;
  private final FeedbackEmbeddings embeddings;
  private final Embedder embedder;
  private final ThemeSettings settings;
  private final Clock clock;
  private final Duration initialLookback;
  private final Duration settle;

  /** What a run did. */
  public record Report(Instant from, Instant until, int newItems, int sample, int activeThemes, int newThemes,
                       int retiredThemes, int unassigned, int reassigned, long millis) {
  }

  public ThemeJob(FeedbackStore feedback, ThemeStore store, FeedbackEmbeddings embeddings, Embedder embedder,
                  ThemeSettings settings, Clock clock, Duration initialLookback, Duration settle) {
    this.feedback = feedback;
    this.store = store;
    this.embeddings = embeddings;
    this.embedder = embedder;
    this.settings = settings;
    this.clock = clock;
    this.initialLookback = initialLookback;
    this.settle = settle;
  }

  public Report run() {
    long start = System.nanoTime();
    Instant now = clock.instant();
    JobState state = store.state();
    Instant until = now.minus(settle);
    Instant from = state.watermark() != null ? state.watermark() : now.minus(initialLookback);
    List<Feedback> items = from.isBefore(until) ? toFold(state, from, until) : List.of();
    items = items.stream().filter(f -> f.status() != Feedback.Status.DELETED && !f.text().isBlank()).toList();
    items = customersOnly(items);

    Map<String, float[]> vectors = vectors(items);
    ThemeSample sample = new ThemeSample(settings);
    sample.offerAll(store.loadSample(state));
    for (Feedback f : items) {
      sample.offer(new Member(f.id(), f.text(), f.permalink(), f.createdAt(), themeOf(f), vectors.get(f.id())));
    }
    List<Theme> previous = store.themes();
    ThemeClusterer.Result result = new ThemeClusterer(settings, embedder).recluster(sample.members(), previous, now);

    // Assign the night's items, count them per week, write back ids that changed.
    Map<String, Long> added = new HashMap<>();
    Map<String, Map<String, Long>> weekly = new HashMap<>();
    int unassigned = 0;
    int reassigned = 0;
    for (Feedback f : items) {
      String theme = result.index().assign(vectors.get(f.id()), themeOf(f));
      if (theme == null) {
        unassigned++;
        continue;
      }
      added.merge(theme, 1L, Long::sum);
      weekly.computeIfAbsent(theme, t -> new TreeMap<>()).merge(week(f.createdAt()), 1L, Long::sum);
      if (!Objects.equals(theme, themeOf(f)) && f.enrichment() != null && f.enrichment().analyzedAt() != null) {
        // Unanalyzed items get their theme from the stream; don't race it here.
        feedback.enrich(f.id(), new Enrichment(null, null, null, theme, f.enrichment().analyzedAt()));
        reassigned++;
      }
    }
    List<Theme> themes = new ArrayList<>();
    for (Theme t : result.themes()) {
      if (t.active() && added.containsKey(t.id())) {
        t = new Theme(t.id(), t.label(), t.terms(), t.centroid(), t.size() + added.get(t.id()), t.status(),
            t.mergedInto(), t.createdAt(), t.updatedAt(), t.quotes(), ThemeClusterer.sum(t.weekly(), weekly.get(t.id())));
      }
      themes.add(t);
    }
    store.saveThemes(themes);
    long generation = state.generation() + 1;
    int chunks = store.saveSample(generation, result.members());
    store.saveState(new JobState(until.isAfter(from) ? until : from, now, generation, chunks, true));
    if (state.generation() > 0) {
      store.deleteSample(state.generation(), state.chunks());
    }
    Map<String, Theme> before = new LinkedHashMap<>();
    previous.forEach(t -> before.put(t.id(), t));
    int created = (int) result.active().stream().filter(t -> !before.containsKey(t.id())).count();
    int retired = (int) result.themes().stream()
        .filter(t -> !t.active() && before.containsKey(t.id()) && before.get(t.id()).active()).count();
    Report r = new Report(from, until, items.size(), result.members().size(), result.active().size(), created,
        retired, unassigned, reassigned, (System.nanoTime() - start) / 1_000_000);
    LOG.info("themes job: {}", r);
    return r;
  }

  /**
   * Items analysed in {@code [from, until)}: by analysis time, not creation time, so a back-dated
   * item analysed now is read now. Until a run of this version has saved its state, also the items
   * created in the range (analysed, if at all, before the byAnalyzedDay index was written).
   */
  private List<Feedback> toFold(JobState state, Instant from, Instant until) {
    List<Feedback> analysed = feedback.analyzedBetween(from, until);
    if (state.byAnalysis()) {
      return analysed;
    }
    Map<String, Feedback> all = new LinkedHashMap<>();
    feedback.createdBetween(from, until, null).forEach(f -> all.put(f.id(), f));
    analysed.forEach(f -> all.putIfAbsent(f.id(), f));
    return new ArrayList<>(all.values());
  }

  /** Staff and the brand's own accounts stay stored but never enter the sample, a theme or its counts. */
  private List<Feedback> customersOnly(List<Feedback> items) {
    return items.stream().filter(f -> CustomerVoice.isCustomer(f, settings)).toList();
  }

  private Map<String, float[]> vectors(List<Feedback> items) {
    Map<String, float[]> out = new HashMap<>(embeddings.find(items.stream().map(Feedback::id).toList()));
    List<Feedback> missing = items.stream().filter(f -> !out.containsKey(f.id())).toList();
    if (!missing.isEmpty()) {
      List<float[]> vs = embedder.embedAll(missing.stream().map(Feedback::text).toList());
      for (int i = 0; i < missing.size(); i++) {
        out.put(missing.get(i).id(), vs.get(i));
      }
    }
    return out;
  }

  private static String themeOf(Feedback f) {
    return f.enrichment() == null ? null : f.enrichment().themeId();
  }

  /** ISO week of an instant in UTC, e.g. {@code 2026-W47}. */
  public static String week(Instant t) {
    var d = t.atZone(ZoneOffset.UTC).toLocalDate();
    return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
