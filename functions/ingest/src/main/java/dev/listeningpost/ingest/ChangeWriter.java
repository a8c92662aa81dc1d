package dev.listeningpost.ingest;

import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.WriteOutcome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Writes a delivery's changes, every payload time inside the sane window first ({@link CreatedTimes}). */
final class ChangeWriter {
  private final FeedbackStore store;

  ChangeWriter(FeedbackStore store) {
    this.store = store;
  }

  Map<WriteOutcome, Integer> apply(List<FeedbackChange> changes, Instant now) {
    Map<WriteOutcome, Integer> counts = new EnumMap<>(WriteOutcome.class);
    for (FeedbackChange change : changes) {
      counts.merge(write(CreatedTimes.clamp(change, now)), 1, Integer::sum);
    }
    return counts;
  }

  private WriteOutcome write(FeedbackChange change) {
    if (change instanceof FeedbackChange.Create c) {
      return store.create(c.item());
    }
    if (change instanceof FeedbackChange.Edit e) {
      return store.edit(e.item(), e.editedAt());
    }
    FeedbackChange.Delete d = (FeedbackChange.Delete) change;
    return store.delete(d.id(), d.deletedAt());
  }
}
