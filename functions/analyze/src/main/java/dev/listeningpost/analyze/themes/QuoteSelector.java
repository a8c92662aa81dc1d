package dev.listeningpost.analyze.themes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks representative and diverse quotes: maximal marginal relevance over members, trading
 * closeness to the theme's centre against similarity to quotes already picked, skipping repeats.
 */
public final class QuoteSelector {
  private static final double RELEVANCE = 0.7;
  private static final int MAX_CHARS = 280;

  private QuoteSelector() {
  }

  public static List<Quote> select(List<Member> members, float[] centroid, int count) {
    List<Member> pool = new ArrayList<>();
    Set<String> seenText = new HashSet<>();
    for (Member m : members) {
      if (m.text() == null || m.text().isBlank() || m.vector() == null) {
        continue;
      }
      String key = m.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
      if (seenText.add(key)) {
        pool.add(m);
      }
    }
    pool.sort((a, b) -> {
      int c = Double.compare(Vectors.dot(b.vector(), centroid), Vectors.dot(a.vector(), centroid));
      return c != 0 ? c : a.id().compareTo(b.id());
    });
    List<Member> chosen = new ArrayList<>();
    while (chosen.size() < count && chosen.size() < pool.size()) {
      Member best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (Member m : pool) {
        if (chosen.contains(m)) {
          continue;
        }
        double redundancy = 0;
        for (Member c : chosen) {
          redundancy = Math.max(redundancy, Vectors.dot(m.vector(), c.vector()));
        }
        double score = RELEVANCE * Vectors.dot(m.vector(), centroid) - (1 - RELEVANCE) * redundancy;
        if (score > bestScore) {
          bestScore = score;
          best = m;
        }
      }
      chosen.add(best);
    }
    List<Quote> out = new ArrayList<>();
    for (Member m : chosen) {
      String t = m.text().strip();
      if (t.length() > MAX_CHARS) {
        t = t.substring(0, MAX_CHARS - 1).strip() + "\u2026";
      }
      out.add(new Quote(m.id(), t, m.permalink()));
    }
    return out;
  }
}
