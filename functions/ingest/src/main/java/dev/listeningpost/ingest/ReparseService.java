package dev.listeningpost.ingest;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.feedback.Unparsed;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import dev.listeningpost.feedback.store.WriteOutcome;
import dev.listeningpost.http.HttpRequest;
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
    SKIPPED,
    /** An unparsed delivery now parses: its items were stored and the unparsed item removed. */
    RECOVERED,
    /** An unparsed delivery still does not parse (or its channel is unknown): it stays. */
    STILL_UNPARSED
  }

  /** Counts for a batch run. */
  public record Summary(int updated, int unchanged, int skipped, int recovered, int stillUnparsed) {
    public Summary(int updated, int unchanged, int skipped) {
      this(updated, unchanged, skipped, 0, 0);
    }
  }

  private final Map<String, ChannelAdapter> adapters;
  private final FeedbackStore store;
  private final SecretResolver secrets;
  private final StaffDirectory staff;
  private final Clock clock;
  private final ChangeWriter writer;

  public ReparseService(List<ChannelAdapter> adapters, FeedbackStore store, SecretResolver secrets,
                        StaffDirectory staff, Clock clock) {
    this.adapters = adapters.stream().collect(Collectors.toUnmodifiableMap(ChannelAdapter::channel, Function.identity()));
    this.store = store;
    this.secrets = secrets;
    this.staff = staff;
    this.clock = clock;
    this.writer = new ChangeWriter(store);
  }

  public Result reparse(Feedback item) {
    if (item.status() == Feedback.Status.UNPARSED) {
      return recover(item.id());
    }
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
    Feedback merged = store.fit(stored.toBuilder()
        .kind(fresh.kind())
        .text(fresh.text())
        .author(fresh.author())
        .thread(fresh.thread())
        .permalink(fresh.permalink())
        .score(fresh.score())
        .hashtags(fresh.hashtags())
        .build()).item();
    if (sameParsedFields(stored, merged)) {
      return Result.UNCHANGED;
    }
    return store.replaceParsed(merged, !stored.text().equals(merged.text())) == WriteOutcome.UPDATED ? Result.UPDATED : Result.UNCHANGED;
  }

  /**
   * Parses an unparsed delivery again with the current adapter, as if it arrived now but at its
   * original received time: its changes are written like a delivery's, then the unparsed item is
   * removed. Still failing (any exception), it stays for a later fix.
   */
  public Result recover(String id) {
    Unparsed u = store.findUnparsed(id).orElse(null);
    ChannelAdapter adapter = u == null ? null : adapters.get(u.channel());
    if (u == null) {
      return Result.SKIPPED;
    }
    if (adapter == null || u.rawPayload() == null) {
      return Result.STILL_UNPARSED;
    }
    HttpRequest request = new HttpRequest("POST",
        "/webhooks/" + u.channel() + (u.workspace() == null ? "" : "/" + u.workspace()),
        u.headers(), Map.of(), RawPayloads.decompress(u.rawPayload()));
    ChannelContext ctx = new ChannelContext(u.channel(), u.workspace(), u.receivedAt(), secrets, staff);
    try {
      writer.apply(adapter.parse(request, ctx).changes(), u.receivedAt());
    } catch (StorageUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      return Result.STILL_UNPARSED;
    }
    store.resolveUnparsed(id);
    return Result.RECOVERED;
  }

  /**
   * Reparses every item created in {@code [from, until)} (optionally one channel), and recovers the
   * unparsed deliveries received then: the local "reparse" job.
   */
  public Summary reparseCreatedBetween(Instant from, Instant until, String channel) {
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    int recovered = 0;
    int stillUnparsed = 0;
    List<Feedback> items = new java.util.ArrayList<>(store.createdBetween(from, until, channel));
    items.addAll(store.unparsedBetween(from, until, channel));
    for (Feedback f : items) {
      switch (reparse(f)) {
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case RECOVERED -> recovered++;
        case STILL_UNPARSED -> stillUnparsed++;
        default -> skipped++;
      }
    }
    return new Summary(updated, unchanged, skipped, recovered, stillUnparsed);
  }

  private static boolean sameParsedFields(Feedback a, Feedback b) {
    return a.kind() == b.kind() && a.text().equals(b.text()) && a.author().equals(b.author())
        && a.thread().equals(b.thread()) && java.util.Objects.equals(a.permalink(), b.permalink())
        && java.util.Objects.equals(a.score(), b.score()) && a.hashtags().equals(b.hashtags());
  }
}
