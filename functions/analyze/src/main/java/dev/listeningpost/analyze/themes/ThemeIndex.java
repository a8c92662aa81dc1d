package dev.listeningpost.analyze.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Online assignment: an item joins the nearest active theme when it is close enough, otherwise it
 * stays unassigned until the next re-cluster. Immutable and thread-safe.
 */
public final class ThemeIndex {
  private final List<Theme> active;
  private final Map<String, Theme> all = new HashMap<>();
  private final double threshold;
  private final double margin;

  public ThemeIndex(List<Theme> themes, ThemeSettings settings) {
    this(themes, settings.assignThreshold(), settings.stickyMargin());
  }

  public ThemeIndex(List<Theme> themes, double threshold, double margin) {
    List<Theme> a = new ArrayList<>();
    for (Theme t : themes) {
      all.put(t.id(), t);
      if (t.active() && t.centroid() != null) {
        a.add(t);
      }
    }
    this.active = List.copyOf(a);
    this.threshold = threshold;
    this.margin = margin;
  }

  public static ThemeIndex empty() {
    return new ThemeIndex(List.of(), 1, 0);
  }

  public List<Theme> active() {
    return active;
  }

  /** The nearest theme with similarity at or above the threshold, else null. */
  public String assign(float[] v) {
    return assign(v, null);
  }

  /**
   * Like {@link #assign(float[])}, but an item already in a theme stays there while that theme
   * (or the theme it merged into) is nearly as close as the best one: ids and volumes stay stable.
   */
  public String assign(float[] v, String current) {
    if (v == null || active.isEmpty() || Vectors.isZero(v)) {
      return null;
    }
    Theme best = null;
    double bestSim = Double.NEGATIVE_INFINITY;
    for (Theme t : active) {
      double s = Vectors.dot(v, t.centroid());
      if (s > bestSim) {
        bestSim = s;
        best = t;
      }
    }
    if (bestSim < threshold) {
      return null;
    }
    Theme mine = current == null ? null : resolve(current);
    if (mine != null && mine != best && mine.active()) {
      double s = Vectors.dot(v, mine.centroid());
      if (s >= threshold && s >= bestSim - margin) {
        return mine.id();
      }
    }
    return best.id();
  }

  /** Follows merges: the active theme an id now belongs to, or null if it is gone. */
  public Theme resolve(String id) {
    Theme t = all.get(id);
    for (int hops = 0; t != null && !t.active() && hops < 32; hops++) {
      t = t.mergedInto() == null ? null : all.get(t.mergedInto());
    }
    return t != null && t.active() ? t : null;
  }

  public Theme get(String id) {
    return all.get(id);
  }
}
