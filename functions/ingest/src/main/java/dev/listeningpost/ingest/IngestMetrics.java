package dev.listeningpost.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest counters, per channel, each count also written as one CloudWatch Embedded Metric Format
 * line: in Lambda, stdout goes to the function's log and CloudWatch turns the line into a metric
 * (namespace {@value #NAMESPACE}, per {@code Channel} and in total) that an alarm watches
 * (template.yaml {@code UnparsedDeliveriesAlarm}). An EMF line must be the JSON alone, so it does
 * not go through the logger (which prefixes level and name). No body, text or secret in a line.
 */
public final class IngestMetrics {
  public static final String NAMESPACE = "ListeningPost/Ingest";
  public static final String UNPARSED = "UnparsedDeliveries";

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final java.util.function.Consumer<String> sink;

  /** Lines to stdout. */
  public IngestMetrics() {
    this(System.out::println);
  }

  public IngestMetrics(java.util.function.Consumer<String> sink) {
    this.sink = sink;
  }

  /** Adds one to a metric for a channel and writes its EMF line. */
  public void increment(String metric, String channel, Instant at) {
    counts.computeIfAbsent(metric + "/" + channel, k -> new AtomicLong()).incrementAndGet();
    sink.accept(emf(metric, channel, at));
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
    // Two dimension sets: per channel, and none (the total the alarm watches).
    com.fasterxml.jackson.databind.node.ArrayNode dimensions = directive.putArray("Dimensions");
    dimensions.addArray().add("Channel");
    dimensions.addArray();
    directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
    line.put("Channel", channel);
    line.put(metric, 1);
    return line.toString();
  }
}
