package dev.listeningpost.digest;

/**
 * Some recipients could not be sent to. Thrown by the handler so the invocation fails and the
 * scheduler's retry policy runs it again; recipients already sent are skipped on the retry.
 */
public class DigestIncompleteException extends RuntimeException {
  public DigestIncompleteException(DigestResult result) {
    super("digest " + result.period() + " not sent to " + result.failed().size() + " of "
        + (result.sent().size() + result.skipped().size() + result.failed().size()) + " recipients; "
        + result.sent().size() + " sent this run");
  }
}
