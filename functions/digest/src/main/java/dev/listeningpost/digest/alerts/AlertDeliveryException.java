package dev.listeningpost.digest.alerts;

/** An alert's SNS message was not accepted (transient: the next run retries the alert). */
public class AlertDeliveryException extends RuntimeException {
  public AlertDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
