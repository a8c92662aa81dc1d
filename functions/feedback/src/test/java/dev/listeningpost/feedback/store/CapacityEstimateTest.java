package dev.listeningpost.feedback.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CapacityEstimateTest {
  private static final CapacityEstimate.Index INDEX =
      new CapacityEstimate.Index("byDay", List.of("day", "k"), List.of("text"));
  private static final List<String> KEY = List.of("id");

  private static Map<String, AttributeValue> item(String day, String text, int padding) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("id", AttributeValue.fromS("i1"));
    if (day != null) {
      m.put("day", AttributeValue.fromS(day));
      m.put("k", AttributeValue.fromS("k1"));
    }
    m.put("text", AttributeValue.fromS(text));
    m.put("pad", AttributeValue.fromS("x".repeat(padding)));
    return m;
  }

  @Test
  void unitsAreRoundedUpPerStartedKilobyteAndFourKilobytes() {
    assertEquals(1, CapacityEstimate.writeUnits(1));
    assertEquals(1, CapacityEstimate.writeUnits(1024));
    assertEquals(2, CapacityEstimate.writeUnits(1025));
    assertEquals(1.0, CapacityEstimate.readUnits(4096, true));
    assertEquals(1.0, CapacityEstimate.readUnits(4097, false));
    assertEquals(0.5, CapacityEstimate.readUnits(100, false));
  }

  @Test
  void anUpdateBillsTheLargerImageAndAnIndexOnlyWhenItsEntryChanges() {
    Map<String, AttributeValue> small = item("2026-12-02", "hello", 10);
    Map<String, AttributeValue> big = item("2026-12-02", "hello", 1500);
    CapacityEstimate.Write grow = CapacityEstimate.write(small, big, KEY, List.of(INDEX));
    assertEquals(2, grow.table());
    assertEquals(0, grow.indexes().get("byDay"), "pad is not projected: the index entry did not change");
    CapacityEstimate.Write shrink = CapacityEstimate.write(big, small, KEY, List.of(INDEX));
    assertEquals(2, shrink.table(), "the larger of old and new");
    CapacityEstimate.Write projected = CapacityEstimate.write(small, item("2026-12-02", "edited", 10), KEY, List.of(INDEX));
    assertEquals(1, projected.indexes().get("byDay"));
  }

  @Test
  void aSparseIndexCostsAPutWhenAnItemEntersItAndTwoWritesWhenItsKeyMoves() {
    CapacityEstimate.Write put = CapacityEstimate.write(null, item(null, "t", 0), KEY, List.of(INDEX));
    assertEquals(1, put.total(), "absent from the index: table only");
    CapacityEstimate.Write enters = CapacityEstimate.write(item(null, "t", 0), item("2026-12-02", "t", 0), KEY, List.of(INDEX));
    assertEquals(1, enters.indexes().get("byDay"));
    CapacityEstimate.Write moves = CapacityEstimate.write(item("2026-12-01", "t", 0), item("2026-12-02", "t", 0), KEY,
        List.of(INDEX));
    assertEquals(2, moves.indexes().get("byDay"), "delete the old entry, put the new one");
    CapacityEstimate.Write leaves = CapacityEstimate.write(item("2026-12-01", "t", 0), item(null, "t", 0), KEY, List.of(INDEX));
    assertEquals(1, leaves.indexes().get("byDay"));
  }
}
