package dev.listeningpost.digest;

import dev.listeningpost.digest.alerts.AlertsResult;

/**
 * Some alerts reached no recipient and no topic. Thrown by the handler so the invocation fails and the
 * scheduler retries it (with the same scheduled time, so the same window); alerts already sent are not
 * sent again.
 */
public class AlertsIncompleteException extends RuntimeException {
  public AlertsIncompleteException(AlertsResult result) {
    super("alerts of window " + result.window() + ": " + result.failed().size() + " not delivered, "
        + result.sent().size() + " sent this run");
  }
}
