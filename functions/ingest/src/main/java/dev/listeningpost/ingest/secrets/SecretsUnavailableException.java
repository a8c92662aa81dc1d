package dev.listeningpost.ingest.secrets;

/**
 * The secret store could not be reached (throttling, network, KMS). Not the sender's fault: the
 * webhook is answered 503 so the platform retries, never 401 (which some platforms treat as a
 * reason to disable the webhook).
 */
public class SecretsUnavailableException extends RuntimeException {
  public SecretsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
