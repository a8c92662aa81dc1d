package dev.listeningpost.digest.send;

/** The transport did not accept an email; sending it again later may succeed. */
public class EmailDeliveryException extends RuntimeException {
  public EmailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
