package dev.listeningpost.digest.alerts;

import java.util.Map;
import java.util.Objects;

/**
 * One alert as an SNS message.
 *
 * @param key        the alert's idempotency key (outbox file name, logs)
 * @param subject    the SNS subject (email subscribers' subject line): ASCII, under 100 characters
 * @param message    the message body: a chat custom notification, JSON
 * @param attributes SNS message attributes (String values), for subscription filter policies
 */
public record AlertNotification(String key, String subject, String message, Map<String, String> attributes) {
  public AlertNotification {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    attributes = Map.copyOf(attributes);
  }
}
