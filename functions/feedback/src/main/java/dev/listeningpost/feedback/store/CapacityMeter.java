package dev.listeningpost.feedback.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Sums the capacity DynamoDB reports ({@code ReturnConsumedCapacity=INDEXES}) per kind of
 * operation ("feedback.put", "feedback.enrich", "feedback.query.byDay", ...), so the bill per item
 * comes from what the service charged rather than from a guess. One instance per process (a
 * singleton in the functions, one per run in the benchmarks); thread-safe, no static state.
 *
 * <p>A response without a {@code ConsumedCapacity} (an emulator that does not report it) is
 * counted as an unreported call; {@link CapacityEstimate} then gives the units from item sizes.
 */
public final class CapacityMeter {
  private static final Logger LOG = LoggerFactory.getLogger(CapacityMeter.class);

  private final Map<String, Counter> byOperation = new ConcurrentHashMap<>();

  /** Adds one call's consumed capacity ({@code null} = not reported) under {@code operation}. */
  public void record(String operation, ConsumedCapacity consumed) {
    Counter c = byOperation.computeIfAbsent(operation, k -> new Counter());
    c.calls.increment();
    if (consumed == null) {
      c.unreported.increment();
      return;
    }
    c.total.add(orZero(consumed.capacityUnits()));
    c.read.add(orZero(consumed.readCapacityUnits()));
    c.write.add(orZero(consumed.writeCapacityUnits()));
    if (consumed.table() != null) {
      c.table.add(orZero(consumed.table().capacityUnits()));
    }
    if (consumed.hasGlobalSecondaryIndexes()) {
      for (Capacity index : consumed.globalSecondaryIndexes().values()) {
        c.indexes.add(orZero(index.capacityUnits()));
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("capacity {}: {} units (table {}, indexes {})", operation, consumed.capacityUnits(),
          consumed.table() == null ? null : consumed.table().capacityUnits(),
          consumed.hasGlobalSecondaryIndexes() ? consumed.globalSecondaryIndexes().keySet() : "none");
    }
  }

  /** Totals so far per operation, sorted by name. */
  public Map<String, Usage> snapshot() {
    Map<String, Usage> out = new TreeMap<>();
    byOperation.forEach((op, c) -> out.put(op, new Usage(c.calls.sum(), c.unreported.sum(), c.total.sum(),
        c.read.sum(), c.write.sum(), c.table.sum(), c.indexes.sum())));
    return out;
  }

  /** Forgets everything recorded (between benchmark phases). */
  public void reset() {
    byOperation.clear();
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }

  /**
   * Capacity of one kind of operation: {@code units} is what DynamoDB billed (read or write
   * units, table plus indexes), split into {@code tableUnits} and {@code indexUnits}.
   */
  public record Usage(long calls, long unreported, double units, double readUnits, double writeUnits,
                      double tableUnits, double indexUnits) {
    public double unitsPerCall() {
      long reported = calls - unreported;
      return reported == 0 ? 0 : units / reported;
    }
  }

  private static final class Counter {
    final LongAdder calls = new LongAdder();
    final LongAdder unreported = new LongAdder();
    final DoubleAdder total = new DoubleAdder();
    final DoubleAdder read = new DoubleAdder();
    final DoubleAdder write = new DoubleAdder();
    final DoubleAdder table = new DoubleAdder();
    final DoubleAdder indexes = new DoubleAdder();
  }
}
