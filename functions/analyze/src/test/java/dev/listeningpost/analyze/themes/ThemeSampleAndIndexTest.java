package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeSampleAndIndexTest {

  private static Member m(String id, Instant created) {
    return new Member(id, "text " + id, null, created, null, new float[] {1, 0});
  }

  @Test
  void sampleIsBoundedDeterministicAndIgnoresRepeats() {
    ThemeSample a = new ThemeSample(100, 0);
    ThemeSample b = new ThemeSample(100, 0);
    List<Member> items = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      items.add(m("id" + i, null));
    }
    items.forEach(a::offer);
    // Another order, and every item twice: same sample.
    for (int i = items.size() - 1; i >= 0; i--) {
      b.offer(items.get(i));
      b.offer(items.get(i));
    }
    assertEquals(100, a.size());
    assertEquals(a.members().stream().map(Member::id).toList(), b.members().stream().map(Member::id).toList());
  }

  @Test
  void sampleFavoursRecentItems() {
    ThemeSample s = new ThemeSample(200, 30);
    Instant old = Instant.parse("2025-01-01T00:00:00Z");
    Instant recent = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 1000; i++) {
      s.offer(m("old" + i, old));
      s.offer(m("new" + i, recent));
    }
    long recentKept = s.members().stream().filter(x -> x.id().startsWith("new")).count();
    assertTrue(recentKept > 190, "kept " + recentKept);
  }

  @Test
  void indexAssignsAboveThresholdStaysStickyAndFollowsMerges() {
    Theme a = theme("a", new float[] {1, 0}, Theme.Status.ACTIVE, null);
    Theme b = theme("b", norm(1, 1), Theme.Status.ACTIVE, null);
    Theme gone = theme("old", new float[] {0, 1}, Theme.Status.RETIRED, "b");
    ThemeIndex idx = new ThemeIndex(List.of(a, b, gone), 0.5, 0.05);

    assertEquals("a", idx.assign(new float[] {1, 0}));
    assertNull(idx.assign(new float[] {-1, 0}), "nothing close enough: unassigned");
    float[] between = norm(1, 0.35f); // slightly closer to a than to b
    assertEquals("a", idx.assign(between));
    assertEquals("b", idx.assign(between, "b"), "an item stays in its theme when it is nearly as close");
    assertEquals("b", idx.assign(between, "old"), "and a retired theme resolves to its heir");
    assertEquals("b", idx.resolve("old").id());
  }

  private static float[] norm(float x, float y) {
    double n = Math.sqrt(x * x + y * y);
    return new float[] {(float) (x / n), (float) (y / n)};
  }

  private static Theme theme(String id, float[] c, Theme.Status status, String into) {
    return new Theme(id, id, List.of(), c, 0, status, into, Instant.EPOCH, Instant.EPOCH, List.of(), Map.of());
  }
}
