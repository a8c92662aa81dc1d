package dev.listeningpost.digest.send;

/** Delivers one email. */
public interface EmailSender {
  /**
   * @return the message id assigned by the transport
   * @throws EmailDeliveryException when the email was not accepted
   */
  String send(OutgoingEmail email);
}
