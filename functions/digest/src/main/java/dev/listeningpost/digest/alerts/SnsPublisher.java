package dev.listeningpost.digest.alerts;

/** Publishes an alert to the topic chat workflows subscribe to. */
public interface SnsPublisher {
  /**
   * @return the message id assigned by the transport
   * @throws AlertDeliveryException when the message was not accepted
   */
  String publish(AlertNotification notification);
}
