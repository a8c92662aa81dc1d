package dev.listeningpost.analyze.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Labels themes with their most distinctive terms by class-based TF-IDF (as in BERTopic): all texts
 * of a theme form one document; a term scores {@code tf(term, theme) * log(1 + A / f(term))}, with
 * A the average number of terms per theme and f the term's frequency over all themes. Stop words
 * and chat filler are removed; a two-word phrase replaces its word when most of the word's uses
 * are in that phrase ("card arrival" reads better than "card").
 */
public final class TermLabeler {
  private static final Set<String> STOP = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(java.util.Arrays.asList((
      "a about above after again against all am an and any are aren't as at be because been before being below "
      + "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each "
      + "few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how "
      + "i i'm i've i'd i'll if in into is isn't it it's its itself just let's me more most mustn't my myself no nor "
      + "not of off on once only or other ought our ours ourselves out over own same shan't she should shouldn't so "
      + "some such than that that's the their theirs them themselves then there there's these they they're this "
      + "those through to too under until up very was wasn't we we're we've were weren't what what's when where "
      + "which while who whom why will with won't would wouldn't you you're you've your yours yourself yourselves "
      + "also get got getting yet still ever even really please pls thanks thank thx hi hello hey dear ok okay "
      + "im ive id dont cant wont didnt doesnt isnt wasnt want wanted need needs needed like would know tell help "
      + "one two way much many lot anyone someone something anything thing things go going make made use used "
      + "see able now today yesterday since already us may might must shall etc via www http https com").split(" "))));

  /** Stop words that still end a phrase: "top up", "log in", "cash out". */
  private static final Set<String> PARTICLES = Set.of("up", "in", "out", "off", "down", "on", "back", "over");
  private static final double MIN_LIFT = 1.5;
  private final int maxTerms;

  public TermLabeler(int maxTerms) {
    this.maxTerms = Math.max(1, maxTerms);
  }

  /** Tokens of a text: lower case letters/digits, apostrophes kept inside words. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    String s = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c) || (c == '\'' && cur.length() > 0)) {
        cur.append(c);
      } else if (cur.length() > 0) {
        String t = cur.toString();
        while (t.endsWith("'")) {
          t = t.substring(0, t.length() - 1);
        }
        if (!t.isEmpty()) {
          out.add(t);
        }
        cur.setLength(0);
      }
    }
    return out;
  }

  static boolean content(String token) {
    return token.length() > 1 && !STOP.contains(token) && !token.chars().allMatch(Character::isDigit);
  }

  /** Terms of one text: content words, and two-word phrases of a content word and the next content word or particle. */
  static List<String> terms(String text) {
    List<String> toks = tokens(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < toks.size(); i++) {
      String t = toks.get(i);
      if (!content(t)) {
        continue;
      }
      out.add(t);
      if (i + 1 < toks.size() && (content(toks.get(i + 1)) || PARTICLES.contains(toks.get(i + 1)))) {
        out.add(t + " " + toks.get(i + 1));
      }
    }
    return out;
  }

  /** Distinctive terms per theme, best first. */
  public Map<String, List<String>> label(Map<String, List<String>> textsByTheme) {
    Map<String, Map<String, Integer>> tf = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> docFreq = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    long allWords = 0;
    for (var e : textsByTheme.entrySet()) {
      Map<String, Integer> counts = new HashMap<>();
      Map<String, Integer> df = new HashMap<>();
      for (String text : e.getValue()) {
        Set<String> seen = new HashSet<>();
        for (String term : terms(text)) {
          counts.merge(term, 1, Integer::sum);
          if (seen.add(term)) {
            df.merge(term, 1, Integer::sum);
          }
        }
      }
      tf.put(e.getKey(), counts);
      docFreq.put(e.getKey(), df);
      for (var c : counts.entrySet()) {
        if (c.getKey().indexOf(' ') < 0) {
          allWords += c.getValue();
          total.merge(c.getKey(), (long) c.getValue(), Long::sum);
        } else {
          total.merge(c.getKey(), (long) c.getValue(), Long::sum);
        }
      }
    }
    double avg = tf.isEmpty() ? 1 : Math.max(1.0, (double) allWords / tf.size());
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var e : tf.entrySet()) {
      Map<String, Integer> counts = e.getValue();
      Map<String, Integer> df = docFreq.get(e.getKey());
      int docs = textsByTheme.get(e.getKey()).size();
      long words = counts.entrySet().stream().filter(c -> c.getKey().indexOf(' ') < 0)
          .mapToLong(Map.Entry::getValue).sum();
      Map<String, Double> score = new HashMap<>();
      for (var c : counts.entrySet()) {
        // A phrase must recur in the theme to be worth reading.
        if (c.getKey().indexOf(' ') >= 0 && (df.get(c.getKey()) < 2 && docs > 1)) {
          continue;
        }
        double tfn = c.getValue() / (double) Math.max(1, words);
        // Distinctive means clearly more frequent here than in the other themes; shared filler is no label.
        long restWords = allWords - words;
        double elsewhere = restWords <= 0 ? 0 : (total.get(c.getKey()) - c.getValue()) / (double) restWords;
        if (tfn < MIN_LIFT * elsewhere) {
          continue;
        }
        score.put(c.getKey(), tfn * Math.log(1 + avg / total.get(c.getKey())));
      }
      out.put(e.getKey(), pick(score, counts));
    }
    return out;
  }

  private List<String> pick(Map<String, Double> score, Map<String, Integer> counts) {
    List<String> ranked = new ArrayList<>(score.keySet());
    ranked.sort((a, b) -> {
      int c = Double.compare(score.get(b), score.get(a));
      return c != 0 ? c : a.compareTo(b);
    });
    List<String> chosen = new ArrayList<>();
    Set<String> usedWords = new HashSet<>();
    for (String term : ranked) {
      if (chosen.size() >= maxTerms) {
        break;
      }
      String pickTerm = term;
      if (term.indexOf(' ') < 0) {
        // Prefer the phrase when most uses of the word are in it.
        String bestPhrase = null;
        int bestCount = 0;
        for (String other : ranked) {
          if (other.indexOf(' ') > 0 && (other.startsWith(term + " ") || other.endsWith(" " + term))
              && counts.get(other) > bestCount) {
            bestPhrase = other;
            bestCount = counts.get(other);
          }
        }
        if (bestPhrase != null && bestCount * 2 >= counts.get(term)) {
          pickTerm = bestPhrase;
        }
      }
      String[] words = pickTerm.split(" ");
      boolean overlaps = false;
      for (String w : words) {
        overlaps |= usedWords.contains(w);
      }
      if (overlaps) {
        continue;
      }
      chosen.add(pickTerm);
      usedWords.addAll(List.of(words));
    }
    return chosen;
  }

  /** A short readable label from terms. */
  public static String labelOf(List<String> terms) {
    return terms.isEmpty() ? "(unlabelled)" : String.join(", ", terms);
  }
}
