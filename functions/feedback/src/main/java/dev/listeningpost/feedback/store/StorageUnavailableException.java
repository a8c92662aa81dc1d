package dev.listeningpost.feedback.store;

/**
 * Storage could not be reached or throttled us. Callers answer 5xx (webhooks) or fail the batch
 * item (streams) so the sender retries; nothing was half-written.
 */
public class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
