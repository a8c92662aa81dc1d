package dev.listeningpost.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest counters, per channel, and their CloudWatch Embedded Metric Format line: printed to the
 * function's log, CloudWatch turns it into a metric (namespace {@value #NAMESPACE}, dimension
 * {@code Channel}) that an alarm can watch. No body, text or secret ever goes into a line.
 */
public final class IngestMetrics {
  public static final String NAMESPACE = "ListeningPost/Ingest";
  public static final String UNPARSED = "UnparsedDeliveries";

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  /** Adds one to a metric for a channel and returns its EMF line. */
  public String increment(String metric, String channel, Instant at) {
    counts.computeIfAbsent(metric + "/" + channel, k -> new AtomicLong()).incrementAndGet();
    return emf(metric, channel, at);
  }

  /** How many times a metric was counted for a channel since start. */
  public long count(String metric, String channel) {
    AtomicLong n = counts.get(metric + "/" + channel);
    return n == null ? 0 : n.get();
  }

  static String emf(String metric, String channel, Instant at) {
    ObjectNode line = Payloads.mapper().createObjectNode();
    ObjectNode directive = line.putObject("_aws").put("Timestamp", at.toEpochMilli())
        .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
    directive.putArray("Dimensions").addArray().add("Channel");
    directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
    line.put("Channel", channel);
    line.put(metric, 1);
    return line.toString();
  }
}
