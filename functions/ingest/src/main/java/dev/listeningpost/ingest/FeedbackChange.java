package dev.listeningpost.ingest;

import dev.listeningpost.feedback.Feedback;
import java.time.Instant;

/** A change a delivery asks for. Every kind is idempotent in the store. */
public sealed interface FeedbackChange {

  /** A new item (a redelivery of the same object changes nothing). */
  record Create(Feedback item) implements FeedbackChange {
  }

  /** The item was edited on the platform: update it, or create it if we never saw it. */
  record Edit(Feedback item, Instant editedAt) implements FeedbackChange {
  }

  /** The item was deleted on the platform: tombstone it. */
  record Delete(String id, Instant deletedAt) implements FeedbackChange {
  }
}
