package dev.listeningpost.feedback.store;

/** What a write did, so callers can log and count without re-reading. */
public enum WriteOutcome {
  /** A new item was stored. */
  CREATED,
  /** An existing item was changed (edit, tombstone, enrichment). */
  UPDATED,
  /** Nothing changed: the item was already there, or the change was older than what is stored. */
  UNCHANGED
}
