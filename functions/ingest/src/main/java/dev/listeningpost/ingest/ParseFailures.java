package dev.listeningpost.ingest;

/**
 * Exceptions from parsing made safe to log: class names and stack frames are kept, messages are
 * dropped, because a message can quote the payload ("For input string: ...") and message text
 * never goes to the logs.
 */
final class ParseFailures {
  private ParseFailures() {
  }

  static RuntimeException loggable(Throwable e) {
    RuntimeException safe = new RuntimeException(e.getClass().getName(), e.getCause() == null || e.getCause() == e
        ? null : loggable(e.getCause()));
    safe.setStackTrace(e.getStackTrace());
    return safe;
  }

  /** What is stored with the unparsed item: class and message (the item holds the body anyway). */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
