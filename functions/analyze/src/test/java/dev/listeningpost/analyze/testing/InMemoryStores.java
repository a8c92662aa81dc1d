package dev.listeningpost.analyze.testing;

import dev.listeningpost.analyze.themes.Member;
import dev.listeningpost.analyze.themes.Theme;
import dev.listeningpost.analyze.themes.store.FeedbackEmbeddings;
import dev.listeningpost.analyze.themes.store.JobState;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.WriteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * In-memory stand-ins for the feedback table, the themes table and the embedding reader, with
 * the stores' query semantics (half-open ranges, deleted items left out), for unit tests of the
 * nightly job. Nothing here talks to DynamoDB.
 */
public final class InMemoryStores {
  private InMemoryStores() {
  }

  /** A client that is never called: the fakes override every method that would use it. */
  static DynamoDbClient unusedClient() {
    return new DynamoDbClient() {
      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {
      }
    };
  }

  /** The feedback table. */
  public static final class Items extends FeedbackStore {
    private final Map<String, Feedback> items = new TreeMap<>();
    private final java.util.Set<String> unindexed = new java.util.HashSet<>();
    /** Items of each analysedBetween call, for assertions. */
    public final List<List<String>> reads = new ArrayList<>();

    public Items() {
      super(unusedClient(), "feedback", FeedbackSchema.create(Duration.ZERO));
    }

    public void put(Feedback f) {
      items.put(f.id(), f);
    }

    /** An item analysed by a version that did not write the byAnalyzedDay keys: invisible to analyzedBetween. */
    public void putUnindexed(Feedback f) {
      items.put(f.id(), f);
      unindexed.add(f.id());
    }

    @Override
    public Optional<Feedback> find(String id) {
      return Optional.ofNullable(items.get(id));
    }

    @Override
    public WriteOutcome enrich(String id, Enrichment e) {
      Feedback f = items.get(id);
      if (f == null || f.status() == Feedback.Status.DELETED) {
        return WriteOutcome.UNCHANGED;
      }
      Enrichment old = f.enrichment() == null ? new Enrichment(null, null, null, null, null) : f.enrichment();
      items.put(id, f.toBuilder().enrichment(new Enrichment(
          e.sentiment() != null ? e.sentiment() : old.sentiment(),
          e.sentimentLabel() != null ? e.sentimentLabel() : old.sentimentLabel(),
          e.embedding() != null ? e.embedding() : old.embedding(),
          e.themeId() != null ? e.themeId() : old.themeId(),
          e.analyzedAt() != null ? e.analyzedAt() : Instant.now())).build());
      return WriteOutcome.UPDATED;
    }

    @Override
    public List<Feedback> createdBetween(Instant from, Instant until, String channel) {
      return items.values().stream()
          .filter(f -> !f.createdAt().isBefore(from) && f.createdAt().isBefore(until))
          .filter(f -> f.status() != Feedback.Status.DELETED)
          .filter(f -> channel == null || channel.equals(f.channel()))
          .sorted(Comparator.comparing(Feedback::createdAt).thenComparing(Feedback::id))
          .toList();
    }

    @Override
    public List<Feedback> analyzedBetween(Instant from, Instant until) {
      List<Feedback> out = items.values().stream()
          .filter(f -> f.enrichment() != null && f.enrichment().analyzedAt() != null && !unindexed.contains(f.id()))
          .filter(f -> !f.enrichment().analyzedAt().isBefore(from) && f.enrichment().analyzedAt().isBefore(until))
          .filter(f -> f.status() != Feedback.Status.DELETED)
          .sorted(Comparator.comparing((Feedback f) -> f.enrichment().analyzedAt()).thenComparing(Feedback::id))
          .toList();
      reads.add(out.stream().map(Feedback::id).toList());
      return out;
    }
  }

  /** The themes table: themes, sample generations and job state. */
  public static final class Themes extends ThemeStore {
    private final Map<String, Theme> themes = new LinkedHashMap<>();
    private final Map<Long, List<Member>> samples = new HashMap<>();
    private JobState state = JobState.INITIAL;

    public Themes() {
      super(unusedClient(), "themes");
    }

    @Override
    public List<Theme> themes() {
      return List.copyOf(themes.values());
    }

    @Override
    public Optional<Theme> theme(String id) {
      return Optional.ofNullable(themes.get(id));
    }

    @Override
    public void saveThemes(List<Theme> list) {
      list.forEach(t -> themes.put(t.id(), t));
    }

    @Override
    public JobState state() {
      return state;
    }

    @Override
    public void saveState(JobState s) {
      state = s;
    }

    @Override
    public List<Member> loadSample(JobState s) {
      return samples.getOrDefault(s.generation(), List.of());
    }

    @Override
    public int saveSample(long generation, List<Member> members) {
      samples.put(generation, List.copyOf(members));
      return 1;
    }

    @Override
    public void deleteSample(long generation, int count) {
      samples.remove(generation);
    }
  }

  /** Stored embeddings, read from the in-memory feedback items. */
  public static final class Embeddings extends FeedbackEmbeddings {
    private final Items items;

    public Embeddings(Items items) {
      super(unusedClient(), "feedback");
      this.items = items;
    }

    @Override
    public Map<String, float[]> find(List<String> ids) {
      Map<String, float[]> out = new HashMap<>();
      for (String id : ids) {
        items.find(id).map(Feedback::enrichment).filter(e -> e.embedding() != null)
            .ifPresent(e -> out.put(id, e.embedding()));
      }
      return out;
    }
  }
}
