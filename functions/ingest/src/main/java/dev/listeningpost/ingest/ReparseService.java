package dev.listeningpost.ingest;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.WriteOutcome;
import dev.listeningpost.ingest.http.WebhookException;
import dev.listeningpost.ingest.secrets.SecretResolver;
import dev.listeningpost.ingest.staff.StaffDirectory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Re-runs an adapter's parsing over the raw payload kept with an item, so items stored before an
 * adapter improved get its current normalization (text stripping, staff rules, threads, links). The
 * signature is not checked again: it was verified when the payload was received, and its timestamp
 * would be stale now. Identity, creation time, status and received time never change.
 */
@Singleton
public class ReparseService {

  /** What a reparse did to one item. */
  public enum Result {
    /** Parsed fields were rewritten. */
    UPDATED,
    /** The parse produced the same fields, or the item changed meanwhile (deleted). */
    UNCHANGED,
    /** Nothing to reparse: no raw payload (deleted items lose theirs), an unknown channel, or the
     *  payload no longer yields this item. */
    SKIPPED
  }

  /** Counts for a batch run. */
  public record Summary(int updated, int unchanged, int skipped) {
  }

  private final Map<String, ChannelAdapter> adapters;
  private final FeedbackStore store;
  private final SecretResolver secrets;
  private final StaffDirectory staff;
  private final Clock clock;

  public ReparseService(List<ChannelAdapter> adapters, FeedbackStore store, SecretResolver secrets,
                        StaffDirectory staff, Clock clock) {
    this.adapters = adapters.stream().collect(Collectors.toUnmodifiableMap(ChannelAdapter::channel, Function.identity()));
    this.store = store;
    this.secrets = secrets;
    this.staff = staff;
    this.clock = clock;
  }

  public Result reparse(Feedback item) {
    // Items read through the by-day index carry no raw payload (not projected): load the full item.
    Feedback stored = item.rawPayload() != null ? item : store.find(item.id()).orElse(item);
    ChannelAdapter adapter = adapters.get(stored.channel());
    if (adapter == null || stored.rawPayload() == null || stored.status() == Feedback.Status.DELETED) {
      return Result.SKIPPED;
    }
    byte[] body = RawPayloads.decompress(stored.rawPayload());
    // The workspace stands in for the {source} segment, which is not stored.
    ChannelContext ctx = new ChannelContext(stored.channel(), stored.workspace(), clock.instant(), secrets, staff);
    Delivery delivery;
    try {
      delivery = adapter.parse(adapter.replay(stored, body), ctx);
    } catch (WebhookException | IllegalStateException e) {
      return Result.SKIPPED;
    }
    Feedback fresh = null;
    for (FeedbackChange c : delivery.changes()) {
      Feedback f = c instanceof FeedbackChange.Create cr ? cr.item() : c instanceof FeedbackChange.Edit e ? e.item() : null;
      if (f != null && f.id().equals(stored.id())) {
        fresh = f;
      }
    }
    if (fresh == null) {
      return Result.SKIPPED;
    }
    Feedback merged = stored.toBuilder()
        .kind(fresh.kind())
        .text(fresh.text())
        .author(fresh.author())
        .thread(fresh.thread())
        .permalink(fresh.permalink())
        .score(fresh.score())
        .hashtags(fresh.hashtags())
        .build();
    if (sameParsedFields(stored, merged)) {
      return Result.UNCHANGED;
    }
    return store.replaceParsed(merged, !stored.text().equals(merged.text())) == WriteOutcome.UPDATED ? Result.UPDATED : Result.UNCHANGED;
  }

  /** Reparses every item created in {@code [from, until)} (optionally one channel): the local "reparse" job. */
  public Summary reparseCreatedBetween(Instant from, Instant until, String channel) {
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    for (Feedback f : store.createdBetween(from, until, channel)) {
      switch (reparse(f)) {
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        default -> skipped++;
      }
    }
    return new Summary(updated, unchanged, skipped);
  }

  private static boolean sameParsedFields(Feedback a, Feedback b) {
    return a.kind() == b.kind() && a.text().equals(b.text()) && a.author().equals(b.author())
        && a.thread().equals(b.thread()) && java.util.Objects.equals(a.permalink(), b.permalink())
        && java.util.Objects.equals(a.score(), b.score()) && a.hashtags().equals(b.hashtags());
  }
}
