package dev.listeningpost.local.invoke;

/**
 * What one invocation produced: the response JSON, or Lambda's error JSON for an unhandled error
 * or a timeout, with the measured durations (milliseconds) and the process's peak memory (MB).
 */
public record InvocationResult(String requestId, boolean failed, String json, double initMillis, double durationMillis,
                               long maxMemoryMb) {

  /** The line Lambda writes after every invocation. */
  public String reportLine(int memorySizeMb) {
    return String.format(java.util.Locale.ROOT,
        "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB\tInit Duration: %.2f ms",
        requestId, durationMillis, (long) Math.ceil(durationMillis), memorySizeMb, maxMemoryMb, initMillis);
  }
}
