package dev.listeningpost.analyze.themes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks representative and diverse quotes: maximal marginal relevance over the theme's members
 * (only customers' items are ever members), trading closeness to the theme's centre against
 * similarity to quotes already picked. Near-duplicates of a picked quote (same words, or almost the
 * same embedding) are never picked, and complete sentences are preferred over fragments.
 */
public final class QuoteSelector {
  private static final double RELEVANCE = 0.7;
  private static final int MAX_CHARS = 280;
  /** Embedding similarity at which two messages say the same thing in nearly the same words. */
  static final double NEAR_DUPLICATE = 0.92;
  /** Share of shared words at which two messages are near-duplicates (templates, retweets). */
  static final double SAME_WORDS = 0.7;
  private static final double COMPLETENESS_WEIGHT = 0.1;

  private QuoteSelector() {
  }

  public static List<Quote> select(List<Member> members, float[] centroid, int count) {
    List<Member> pool = new ArrayList<>();
    Set<String> seenText = new HashSet<>();
    for (Member m : members) {
      if (m.text() == null || m.text().isBlank() || m.vector() == null) {
        continue;
      }
      if (seenText.add(key(m.text()))) {
        pool.add(m);
      }
    }
    pool.sort((a, b) -> {
      int c = Double.compare(Vectors.dot(b.vector(), centroid), Vectors.dot(a.vector(), centroid));
      return c != 0 ? c : a.id().compareTo(b.id());
    });
    List<Member> chosen = new ArrayList<>();
    while (chosen.size() < count) {
      Member best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (Member m : pool) {
        if (chosen.contains(m) || chosen.stream().anyMatch(c -> nearDuplicate(m, c))) {
          continue;
        }
        double redundancy = 0;
        for (Member c : chosen) {
          redundancy = Math.max(redundancy, Vectors.dot(m.vector(), c.vector()));
        }
        double relevance = Vectors.dot(m.vector(), centroid) + COMPLETENESS_WEIGHT * completeness(m.text());
        double score = RELEVANCE * relevance - (1 - RELEVANCE) * redundancy;
        if (score > bestScore) {
          bestScore = score;
          best = m;
        }
      }
      if (best == null) {
        break;
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

  /** Two messages that would read as the same quote twice. */
  static boolean nearDuplicate(Member a, Member b) {
    return Vectors.dot(a.vector(), b.vector()) >= NEAR_DUPLICATE || wordOverlap(a.text(), b.text()) >= SAME_WORDS;
  }

  /** 0..1: reads as a complete sentence (several words, ends like a sentence, fits a quote unclipped). */
  static double completeness(String text) {
    String t = text.strip();
    int words = TermLabeler.tokens(t).size();
    double c = 0;
    c += words >= 5 ? 0.5 : words >= 3 ? 0.2 : 0;
    c += t.matches("(?s).*[.!?)]$") ? 0.25 : 0;
    c += t.length() <= MAX_CHARS ? 0.25 : 0;
    return c;
  }

  private static double wordOverlap(String a, String b) {
    Set<String> wa = new HashSet<>(TermLabeler.tokens(a));
    Set<String> wb = new HashSet<>(TermLabeler.tokens(b));
    if (wa.isEmpty() || wb.isEmpty()) {
      return 0;
    }
    Set<String> inter = new HashSet<>(wa);
    inter.retainAll(wb);
    return (double) inter.size() / Math.min(wa.size(), wb.size());
  }

  private static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }
}
