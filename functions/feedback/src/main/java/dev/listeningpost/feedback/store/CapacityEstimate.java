package dev.listeningpost.feedback.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's documented capacity rules applied to item images, for where the service's own
 * {@code ConsumedCapacity} is not available (the dynoxide emulator does not return it; see
 * docs/performance/cost.md) and for the cost model.
 *
 * <ul>
 *   <li>Write: 1 write unit per started KB of the item; an update bills the larger of the old and
 *       the new item.</li>
 *   <li>Each global secondary index the write touches: putting a new index entry, deleting one, or
 *       rewriting its projected attributes costs 1 unit per started KB of the entry; changing an
 *       index key costs a delete plus a put; a write that leaves the entry unchanged, or an item
 *       absent from the index before and after, costs nothing there.</li>
 *   <li>Read: 1 read unit per started 4 KB for a strongly consistent read, half for an eventually
 *       consistent one; a Query sums the sizes of the items it returns before rounding.</li>
 * </ul>
 *
 * <p>An index entry is the table key, the index key and the projected attributes. Item sizes are
 * {@link ItemLimits#sizeOf} (attribute names plus values).
 */
public final class CapacityEstimate {
  public static final int WRITE_UNIT_BYTES = 1024;
  public static final int READ_UNIT_BYTES = 4096;

  private CapacityEstimate() {
  }

  /** Write units to store {@code bytes} (at least 1, a write of nothing still costs a unit). */
  public static int writeUnits(int bytes) {
    return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
  }

  /** Read units to read {@code bytes} in one GetItem or one Query page. */
  public static double readUnits(int bytes, boolean consistent) {
    int units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
    return consistent ? units : units / 2.0;
  }

  /** A global secondary index: its key attributes and the non-key attributes it projects. */
  public record Index(String name, List<String> keys, List<String> projected) {
  }

  /** The feedback table's two indexes, as {@link FeedbackTable#definition} declares them. */
  public static List<Index> feedbackIndexes() {
    return List.of(
        new Index(FeedbackTable.BY_DAY_INDEX, List.of(FeedbackTable.DAY, FeedbackTable.CREATED_KEY),
            FeedbackTable.BY_DAY_PROJECTION),
        new Index(FeedbackTable.BY_ANALYZED_INDEX, List.of(FeedbackTable.ANALYZED_DAY, FeedbackTable.ANALYZED_KEY),
            FeedbackTable.BY_ANALYZED_PROJECTION));
  }

  /** Units of one write: the table's and each index's (by name). */
  public record Write(int table, Map<String, Integer> indexes) {
    public int total() {
      return table + indexes.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * Units of the write that turns {@code before} into {@code after} (either may be {@code null}:
   * a put of a new item, a delete) on a table keyed by {@code tableKeys} with {@code indexes}.
   */
  public static Write write(Map<String, AttributeValue> before, Map<String, AttributeValue> after,
                            List<String> tableKeys, List<Index> indexes) {
    int table = writeUnits(Math.max(size(before), size(after)));
    Map<String, Integer> perIndex = new HashMap<>();
    for (Index index : indexes) {
      Map<String, AttributeValue> old = entry(before, tableKeys, index);
      Map<String, AttributeValue> now = entry(after, tableKeys, index);
      int units;
      if (old == null && now == null || Objects.equals(old, now)) {
        units = 0;
      } else if (old == null) {
        units = writeUnits(ItemLimits.sizeOf(now));
      } else if (now == null) {
        units = writeUnits(ItemLimits.sizeOf(old));
      } else if (!keysOf(old, index).equals(keysOf(now, index))) {
        units = writeUnits(ItemLimits.sizeOf(old)) + writeUnits(ItemLimits.sizeOf(now));
      } else {
        units = writeUnits(Math.max(ItemLimits.sizeOf(old), ItemLimits.sizeOf(now)));
      }
      perIndex.put(index.name(), units);
    }
    return new Write(table, perIndex);
  }

  /** The same for the feedback table (key {@code id}, indexes byDay and byAnalyzedDay). */
  public static Write feedbackWrite(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    return write(before, after, List.of(FeedbackTable.ID), feedbackIndexes());
  }

  /** The index entry of an item: null when the item lacks an index key (a sparse index). */
  static Map<String, AttributeValue> entry(Map<String, AttributeValue> item, List<String> tableKeys, Index index) {
    if (item == null || !index.keys().stream().allMatch(item::containsKey)) {
      return null;
    }
    Map<String, AttributeValue> e = new HashMap<>();
    for (String name : tableKeys) {
      e.put(name, item.get(name));
    }
    for (String name : index.keys()) {
      e.put(name, item.get(name));
    }
    for (String name : index.projected()) {
      AttributeValue v = item.get(name);
      if (v != null) {
        e.put(name, v);
      }
    }
    return e;
  }

  /** Size of an index entry, for the read side (a Query on an index reads entries, not items). */
  public static int entrySize(Map<String, AttributeValue> item, List<String> tableKeys, Index index) {
    Map<String, AttributeValue> e = entry(item, tableKeys, index);
    return e == null ? 0 : ItemLimits.sizeOf(e);
  }

  private static List<AttributeValue> keysOf(Map<String, AttributeValue> entry, Index index) {
    return index.keys().stream().map(entry::get).toList();
  }

  private static int size(Map<String, AttributeValue> item) {
    return item == null ? 0 : ItemLimits.sizeOf(item);
  }
}
