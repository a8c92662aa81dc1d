package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.testing.Blobs;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeClustererTest {
  private final ThemeSettings settings = AnalyzeProperties.Theme.defaults().settings();
  private final Blobs blobs = new Blobs(6, 48, 7);

  @Test
  void findsTheNumberOfSeparatedTopicsWithoutBeingTold() {
    List<Member> ms = blobs.members("a", 240, 1);
    ThemeClusterer.Result r = new ThemeClusterer(settings).recluster(ms, List.of(), Instant.EPOCH);

    assertEquals(6, r.active().size());
    // Each theme is one topic: every member of a theme shares the topic of the theme's first member.
    Map<String, Integer> topicOfTheme = new HashMap<>();
    for (int i = 0; i < r.members().size(); i++) {
      Member m = r.members().get(i);
      assertNotNull(m.themeId(), "every member of a clean blob is assigned");
      Integer t = topicOfTheme.putIfAbsent(m.themeId(), blobs.topicOf(i));
      assertEquals(t == null ? blobs.topicOf(i) : t, blobs.topicOf(i));
    }
  }

  @Test
  void labelsCarryEachTopicsDistinctiveTermsAndQuotesAreMembers() {
    List<Member> ms = blobs.members("a", 240, 1);
    ThemeClusterer.Result r = new ThemeClusterer(settings).recluster(ms, List.of(), Instant.EPOCH);
    Set<String> ids = new HashSet<>();
    ms.forEach(m -> ids.add(m.id()));
    Set<String> labels = new HashSet<>();
    for (Theme t : r.active()) {
      labels.add(t.label());
      assertEquals(3, t.quotes().size());
      t.quotes().forEach(q -> assertTrue(ids.contains(q.itemId())));
      assertTrue(!t.label().contains("problem") && !t.label().contains("again"), t.label());
    }
    for (String[] w : Blobs.WORDS) {
      assertTrue(labels.stream().anyMatch(l -> l.contains(w[0]) || l.contains(w[1])), labels + " lacks " + w[0]);
    }
  }

  @Test
  void themeIdsStayStableWhenDataIsAddedAndReclustered() {
    ThemeClusterer c = new ThemeClusterer(settings);
    List<Member> first = blobs.members("a", 240, 1);
    ThemeClusterer.Result r1 = c.recluster(first, List.of(), Instant.EPOCH);
    Map<String, String> before = new HashMap<>();
    r1.members().forEach(m -> before.put(m.id(), m.themeId()));

    List<Member> next = new ArrayList<>(r1.members());
    next.addAll(blobs.members("b", 240, 2));
    ThemeClusterer.Result r2 = c.recluster(next, r1.themes(), Instant.EPOCH.plusSeconds(86400));

    assertEquals(6, r2.active().size());
    long kept = r2.members().stream().filter(m -> before.containsKey(m.id()))
        .filter(m -> before.get(m.id()).equals(m.themeId())).count();
    assertEquals(before.size(), kept);
    assertEquals(Set.copyOf(before.values()), Set.copyOf(r2.active().stream().map(Theme::id).toList()));
  }

  @Test
  void aNewTopicBecomesANewThemeAndOldIdsSurvive() {
    Blobs seven = new Blobs(7, 48, 7);
    // Topics 0-5 first, then topic 6 appears.
    List<Member> all = seven.members("a", 420, 1);
    List<Member> old = all.stream().filter(m -> Integer.parseInt(m.id().substring(1)) % 7 != 6).toList();
    ThemeClusterer c = new ThemeClusterer(settings);
    ThemeClusterer.Result r1 = c.recluster(old, List.of(), Instant.EPOCH);
    assertEquals(6, r1.active().size());
    List<Member> next = new ArrayList<>(r1.members());
    all.stream().filter(m -> Integer.parseInt(m.id().substring(1)) % 7 == 6).forEach(next::add);
    ThemeClusterer.Result r2 = c.recluster(next, r1.themes(), Instant.EPOCH.plusSeconds(86400));

    assertEquals(7, r2.active().size());
    Set<String> oldIds = new HashSet<>(r1.active().stream().map(Theme::id).toList());
    assertEquals(6, r2.active().stream().filter(t -> oldIds.contains(t.id())).count());
  }

  @Test
  void nearIdenticalThemesMergeAndTheRetiredOnePointsAtItsHeir() {
    List<Member> ms = blobs.members("a", 240, 1);
    ThemeClusterer c = new ThemeClusterer(settings);
    ThemeClusterer.Result r1 = c.recluster(ms, List.of(), Instant.EPOCH);
    Theme a = r1.active().get(0);
    // A duplicate of theme a under another id, holding a few of its members.
    Theme dup = new Theme("tdup", a.label(), a.terms(), a.centroid(), 5, Theme.Status.ACTIVE, null, Instant.EPOCH,
        Instant.EPOCH, List.of(), Map.of("2026-W01", 5L));
    List<Theme> prev = new ArrayList<>(r1.themes());
    prev.add(dup);
    List<Member> members = new ArrayList<>();
    int moved = 0;
    for (Member m : r1.members()) {
      if (a.id().equals(m.themeId()) && moved < 10) {
        members.add(m.withTheme("tdup"));
        moved++;
      } else {
        members.add(m);
      }
    }
    ThemeClusterer.Result r2 = c.recluster(members, prev, Instant.EPOCH.plusSeconds(86400));
    assertEquals(6, r2.active().size());
    Theme retired = r2.themes().stream().filter(t -> t.id().equals("tdup")).findFirst().orElseThrow();
    assertEquals(Theme.Status.RETIRED, retired.status());
    assertEquals(a.id(), retired.mergedInto());
    assertEquals(a.id(), r2.index().resolve("tdup").id());
  }

  @Test
  void fewBroadTopicsAreNotOverSplitIntoTheirPhrasingFamilies() {
    // 3 topics, each a spread of 20 tight families of phrasings (as real intents are). BIC alone
    // prefers the families; the silhouette bound keeps the topics.
    java.util.Random r = new java.util.Random(5);
    int dim = 96;
    List<float[]> vs = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      float[] topic = noise(r, dim, 1.0);
      for (int f = 0; f < 20; f++) {
        float[] family = add(topic, noise(r, dim, 0.3));
        for (int i = 0; i < 15; i++) {
          vs.add(Blobs.unit(add(family, noise(r, dim, 0.25))));
        }
      }
    }
    Ward ward = Ward.of(vs);
    assertTrue(ward.bestK(1, 300) > 3, "BIC alone: " + ward.bestK(1, 300));
    assertEquals(3, ward.chooseK(300));
  }

  private static float[] noise(java.util.Random r, int dim, double norm) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) (r.nextGaussian() * norm / Math.sqrt(dim));
    }
    return v;
  }

  private static float[] add(float[] a, float[] b) {
    float[] v = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      v[i] = a[i] + b[i];
    }
    return v;
  }

  @Test
  void wardBicPrefersOneClusterForOneBlob() {
    Blobs one = new Blobs(1, 48, 3);
    List<float[]> vs = one.members("x", 80, 1).stream().map(Member::vector).toList();
    assertEquals(1, Ward.of(vs).bestK(1, 20));
  }

  @Test
  void aCatchAllThemeFromAnEarlierRunSplitsIntoItsTopicsAndKeepsItsId() {
    List<Member> ms = blobs.members("a", 240, 1);
    float[] centre = Vectors.centroid(ms.stream().map(Member::vector).toList(), ms.get(0).vector().length);
    Theme catchAll = new Theme("tcatchall", "everything", List.of(), centre, 240, Theme.Status.ACTIVE, null,
        Instant.EPOCH, Instant.EPOCH, List.of(), Map.of());
    List<Member> carried = ms.stream().map(m -> m.withTheme("tcatchall")).toList();
    // Everyone close enough to the catch-all's centre to stay in it, as an over-broad theme would be.
    ThemeSettings loose = new ThemeSettings(3000, 3, -1, 0.05, 0.9, 3, 30, 3, 3, AnalyzeProperties.Theme.defaults().minCohesion(),
        List.of());

    ThemeClusterer.Result r = new ThemeClusterer(loose).recluster(carried, List.of(catchAll), Instant.EPOCH);

    Map<String, Integer> sizes = new HashMap<>();
    r.members().forEach(m -> sizes.merge(String.valueOf(m.themeId()), 1, Integer::sum));
    assertTrue(r.active().size() >= 4, r.active().stream().map(Theme::label).toList().toString());
    assertTrue(sizes.values().stream().allMatch(n -> n <= 240 / 2), "no catch-all left: " + sizes);
    assertTrue(r.active().stream().anyMatch(t -> t.id().equals("tcatchall")), "the largest part keeps the id");
  }
}
