package dev.listeningpost.analyze.themes;

import dev.listeningpost.analyze.embed.Embedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labels themes with phrases a person would write ("cancelled flight rebooking", "lost checked bag").
 *
 * <p>Candidates are the 1-4 word n-grams of the theme's own texts, after URLs, @handles and the
 * brand's hashtags are cut out; an n-gram never crosses a sentence or clause, never starts or ends
 * with a stop word, and never contains a brand term, a URL fragment or a long number. Each candidate
 * that recurs in the theme is scored by class-based TF-IDF (as in BERTopic: its frequency in the
 * theme against its frequency over all themes, so phrases every theme uses lose) and, when an
 * {@link Embedder} is given, by the similarity of the phrase's own embedding to the theme centre
 * (so the label says what the theme is about, not what is merely frequent in it). Terms are then
 * picked by maximal marginal relevance so they do not repeat each other; the first is the label.
 * Labels are given largest theme first, and a label already taken by another theme is skipped.
 */
public final class TermLabeler {
  private static final Set<String> STOP = Set.copyOf(Arrays.asList((
      "a about above after again against all am an and any are aren't as at be because been before being below "
      + "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each "
      + "few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how "
      + "i i'm i've i'd i'll if in into is isn't it it's its itself just let's me more most mustn't my myself no nor "
      + "not of off on once only or other ought our ours ourselves out over own same shan't she should shouldn't so "
      + "some such than that that's the their theirs them themselves then there there's these they they're this "
      + "those through to too under until up very was wasn't we we're we've were weren't what what's when where "
      + "which while who whom why will with won't would wouldn't you you're you've your yours yourself yourselves "
      + "also get got getting yet still ever even really please pls plz thanks thank thx ty hi hello hey dear ok okay "
      + "im ive id dont cant wont didnt doesnt isnt wasnt want wanted need needs needed like would know tell help "
      + "one two way much many lot anyone someone something anything thing things go going make made use used "
      + "see able now today yesterday since already us may might must shall etc via u ur lol omg just "
      + "mr mrs ms www http https com co org net amp gt lt rt dm pm am ve ll re").split(" ")));

  /** URL debris and chat shorthand that never make a label on their own, even inside a phrase. */
  private static final Set<String> DEBRIS = Set.of("http", "https", "www", "com", "co", "org", "net", "amp", "gt",
      "lt", "rt", "html", "php", "ly", "bit", "goo", "gl");
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\b[\\w-]+\\.(?:com|co|net|org|ly|io|gl)(?:/\\S*)?");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w])@\\w+");
  private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+\\.\\S+");
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&])#(\\w+)");
  /** Clause boundaries: n-grams never cross them. */
  private static final Pattern CLAUSE = Pattern.compile("[.!?;:,()\\[\\]\"\\n\\r\\u2026|/]+|\\s-\\s|\\s\\u2013\\s");
  /** Stop words that still end a two-word phrase: "top up", "cash out", "log off". */
  private static final Set<String> PARTICLES = Set.of("up", "out", "off");
  private static final int MAX_WORDS = 4;
  private static final Set<String> CONNECTORS = Set.of("of", "for", "to", "in", "on", "with", "at", "my", "the", "a",
      "an", "and", "from", "no", "not", "your", "our");
  private static final int RANKED = 12;
  private static final double RELEVANCE = 0.7;
  private static final double MIN_LIFT = 1.5;
  private static final double EDGE_LIFT = 1.2;

  private final int maxTerms;
  private final ThemeSettings settings;
  private final Embedder embedder;

  public TermLabeler(int maxTerms, ThemeSettings settings, Embedder embedder) {
    this.maxTerms = Math.max(1, maxTerms);
    this.settings = settings;
    this.embedder = embedder;
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

  /** The text with URLs, e-mail addresses, @handles and brand hashtags replaced by clause breaks. */
  String clean(String text) {
    String t = URL.matcher(EMAIL.matcher(text).replaceAll(" | ")).replaceAll(" | ");
    t = HANDLE.matcher(t).replaceAll(" | ");
    return HASHTAG.matcher(t).replaceAll(m -> settings.isBrandTerm(m.group(1)) ? " | " : m.group(1));
  }

  /** Whether a token may appear in a label at all. */
  boolean allowed(String token) {
    long digits = token.chars().filter(Character::isDigit).count();
    return !DEBRIS.contains(token) && !settings.isBrandTerm(token) && digits < 3 && digits < token.length();
  }

  /** A token that may start or end a phrase: allowed, not a stop word, more than one letter. */
  boolean edge(String token) {
    return token.length() > 1 && !STOP.contains(token) && allowed(token);
  }

  /** Candidate label phrases of one text (distinct): 1-4 word n-grams within a clause, content words at both ends. */
  List<String> candidates(String text) {
    Set<String> seen = new HashSet<>();
    List<String> result = new ArrayList<>();
    for (String clause : CLAUSE.split(clean(text == null ? "" : text))) {
      List<String> toks = tokens(clause);
      for (int i = 0; i < toks.size(); i++) {
        if (!edge(toks.get(i))) {
          continue;
        }
        for (int j = i; j < Math.min(toks.size(), i + MAX_WORDS); j++) {
          if (!allowed(toks.get(j)) || (j > i && STOP.contains(toks.get(j)) && !CONNECTORS.contains(toks.get(j))
              && !(j == i + 1 && PARTICLES.contains(toks.get(j))))) {
            // Inside a phrase only connectors ("refund for my order"), never verbs or pronouns.
            break;
          }
          if (edge(toks.get(j)) || (j == i + 1 && PARTICLES.contains(toks.get(j)))) {
            String phrase = String.join(" ", toks.subList(i, j + 1));
            if (seen.add(phrase)) {
              result.add(phrase);
            }
          }
        }
      }
    }
    return result;
  }

  /** Terms per theme, label first; themes are labelled largest first so the biggest get their best label. */
  public Map<String, List<String>> label(Map<String, List<String>> textsByTheme) {
    return label(textsByTheme, Map.of());
  }

  public Map<String, List<String>> label(Map<String, List<String>> textsByTheme, Map<String, float[]> centres) {
    Map<String, Map<String, Integer>> df = new LinkedHashMap<>();
    Map<String, Long> total = new HashMap<>();
    long allTerms = 0;
    for (var e : textsByTheme.entrySet()) {
      Map<String, Integer> counts = new HashMap<>();
      for (String text : e.getValue()) {
        for (String c : candidates(text)) {
          counts.merge(c, 1, Integer::sum);
        }
      }
      df.put(e.getKey(), counts);
      for (var c : counts.entrySet()) {
        total.merge(c.getKey(), (long) c.getValue(), Long::sum);
        allTerms += c.getValue();
      }
    }
    double avg = Math.max(1.0, (double) allTerms / Math.max(1, df.size()));
    int allDocs = textsByTheme.values().stream().mapToInt(List::size).sum();
    Map<String, List<String>> ranked = new LinkedHashMap<>();
    Map<String, Map<String, Double>> scores = new HashMap<>();
    for (var e : df.entrySet()) {
      int docs = textsByTheme.get(e.getKey()).size();
      Map<String, Double> score = ctfidf(e.getValue(), total, avg, docs, allDocs, MIN_LIFT);
      if (score.isEmpty()) {
        // Nothing sets the theme apart in words: name it by what it says most, still unique below.
        score = ctfidf(e.getValue(), total, avg, docs, allDocs, 0);
      }
      Map<String, Double> sc = score;
      List<String> top = new ArrayList<>(score.keySet());
      top.sort((a, b) -> {
        int c = Double.compare(sc.get(b), sc.get(a));
        return c != 0 ? c : a.compareTo(b);
      });
      // The best phrases, and a few single words as fallback and as extra terms.
      List<String> keep = new ArrayList<>(top.stream().filter(t -> t.indexOf(' ') > 0).limit(RANKED).toList());
      keep.addAll(top.stream().filter(t -> t.indexOf(' ') < 0).limit(RANKED / 3).toList());
      ranked.put(e.getKey(), keep);
      scores.put(e.getKey(), score);
    }
    Map<String, float[]> vec = embed(ranked, centres);
    List<String> order = new ArrayList<>(textsByTheme.keySet());
    order.sort((a, b) -> Integer.compare(textsByTheme.get(b).size(), textsByTheme.get(a).size()));
    Set<String> used = new HashSet<>();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String id : order) {
      out.put(id, pick(ranked.get(id), scores.get(id), vec, centres.get(id), used, df.get(id)));
    }
    Map<String, List<String>> inInputOrder = new LinkedHashMap<>();
    textsByTheme.keySet().forEach(id -> inInputOrder.put(id, out.get(id)));
    return inInputOrder;
  }

  /**
   * Class-based TF-IDF of each candidate that recurs in the theme: share of the theme's texts using
   * it times log(1 + A / its frequency over all themes); a candidate must be at least 1.5 times as
   * common in the theme's texts as in the other themes' texts.
   */
  private Map<String, Double> ctfidf(Map<String, Integer> counts, Map<String, Long> total, double avg, int docs,
                                     int allDocs, double minLift) {
    int minDocs = docs < 3 ? 1 : 2;
    boolean anyPhrase = counts.entrySet().stream().anyMatch(c -> c.getKey().indexOf(' ') > 0 && c.getValue() >= minDocs);
    Map<String, Double> score = new HashMap<>();
    for (var c : counts.entrySet()) {
      if (c.getValue() < minDocs) {
        continue;
      }
      int words = c.getKey().split(" ").length;
      if (words == 1 && anyPhrase && c.getKey().length() < 3) {
        continue;
      }
      double tf = c.getValue() / (double) Math.max(1, docs);
      if (tf < minLift * elsewhere(c.getKey(), counts, total, docs, allDocs)) {
        // Shared by every theme ("account" in a bank's messages): says nothing about this one.
        continue;
      }
      if (words > 1 && minLift > 0 && !(distinctEdge(c.getKey().substring(0, c.getKey().indexOf(' ')), counts, total,
          docs, allDocs) && distinctEdge(c.getKey().substring(c.getKey().lastIndexOf(' ') + 1), counts, total, docs,
          allDocs))) {
        // "dress looks": a phrase whose edge word every theme uses reads as a fragment; "dress" says it better.
        continue;
      }
      double s = tf * Math.log(1 + avg / total.get(c.getKey()));
      score.put(c.getKey(), s);
    }
    return score;
  }

  /** Share of the other themes' texts using a candidate. */
  private static double elsewhere(String term, Map<String, Integer> counts, Map<String, Long> total, int docs,
                                  int allDocs) {
    int restDocs = allDocs - docs;
    return restDocs <= 0 ? 0 : (total.getOrDefault(term, 0L) - counts.getOrDefault(term, 0)) / (double) restDocs;
  }

  /** An edge word of a phrase is more common in this theme than elsewhere (particles always pass). */
  private static boolean distinctEdge(String word, Map<String, Integer> counts, Map<String, Long> total, int docs,
                                      int allDocs) {
    if (PARTICLES.contains(word) || !counts.containsKey(word)) {
      return true;
    }
    double here = counts.get(word) / (double) Math.max(1, docs);
    return here >= EDGE_LIFT * elsewhere(word, counts, total, docs, allDocs);
  }

  private Map<String, float[]> embed(Map<String, List<String>> ranked, Map<String, float[]> centres) {
    Map<String, float[]> out = new HashMap<>();
    if (embedder == null || centres.isEmpty()) {
      return out;
    }
    List<String> phrases = ranked.values().stream().flatMap(List::stream).distinct().toList();
    if (phrases.isEmpty()) {
      return out;
    }
    List<float[]> vs = embedder.embedAll(phrases);
    for (int i = 0; i < phrases.size(); i++) {
      out.put(phrases.get(i), vs.get(i));
    }
    return out;
  }

  /** MMR over the ranked candidates: relevance (distinctiveness, closeness to the centre) minus redundancy. */
  private List<String> pick(List<String> cands, Map<String, Double> ctf, Map<String, float[]> vec, float[] centre,
                            Set<String> used, Map<String, Integer> docs) {
    if (cands.isEmpty()) {
      return List.of();
    }
    double maxCtf = cands.stream().mapToDouble(ctf::get).max().orElse(1);
    Map<String, Double> relevance = new HashMap<>();
    for (String c : cands) {
      double r = ctf.get(c) / maxCtf;
      if (centre != null && vec.containsKey(c) && vec.get(c).length == centre.length) {
        r = 0.5 * r + 0.5 * Vectors.dot(vec.get(c), centre);
      }
      relevance.put(c, r);
    }
    List<String> chosen = new ArrayList<>();
    List<String> pool = new ArrayList<>(cands);
    boolean multiword = cands.stream().anyMatch(c -> c.indexOf(' ') > 0 && !used.contains(c));
    while (chosen.size() < maxTerms && !pool.isEmpty()) {
      String best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (String c : pool) {
        if (chosen.isEmpty() && (used.contains(c) || (multiword && c.indexOf(' ') < 0))) {
          // The label is a phrase whenever the theme has one, and no other theme's label.
          continue;
        }
        double redundancy = 0;
        for (String o : chosen) {
          redundancy = Math.max(redundancy, similarity(c, o, vec));
        }
        double s = RELEVANCE * relevance.get(c) - (1 - RELEVANCE) * redundancy;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (best == null) {
        // Every candidate is another theme's label: keep the best, qualified by the runner-up.
        String head = cands.get(0);
        String qualifier = cands.stream().filter(c -> !head.contains(c) && !c.contains(head)).findFirst().orElse(null);
        best = qualifier == null ? head : head + " / " + qualifier;
        for (int n = 2; used.contains(best); n++) {
          best = head + " (" + n + ")";
        }
        pool.remove(head);
      }
      pool.remove(best);
      if (chosen.isEmpty()) {
        best = extend(best, docs, used);
        pool.remove(best);
      }
      chosen.add(best);
    }
    used.add(chosen.get(0));
    return chosen;
  }

  /**
   * The longest phrase that extends the label and is used in at least half of the texts that use
   * the label: "cancelled flight" becomes "cancelled flight rebooking" when that is how people say it.
   */
  private static String extend(String label, Map<String, Integer> docs, Set<String> used) {
    Integer base = docs.get(label);
    if (base == null) {
      return label;
    }
    String best = label;
    for (var e : docs.entrySet()) {
      String p = e.getKey();
      if (p.length() > best.length() && (p.startsWith(label + " ") || p.endsWith(" " + label)) && !used.contains(p)
          && 2 * e.getValue() >= base && e.getValue() >= 2) {
        best = p;
      }
    }
    return best;
  }

  /** Embedding similarity when both are embedded, else word overlap (Jaccard). */
  private static double similarity(String a, String b, Map<String, float[]> vec) {
    if (vec.containsKey(a) && vec.containsKey(b)) {
      return Vectors.dot(vec.get(a), vec.get(b));
    }
    Set<String> wa = new HashSet<>(List.of(a.split(" ")));
    Set<String> wb = new HashSet<>(List.of(b.split(" ")));
    Set<String> inter = new HashSet<>(wa);
    inter.retainAll(wb);
    wa.addAll(wb);
    return wa.isEmpty() ? 0 : (double) inter.size() / wa.size();
  }

  /** A theme's label: its first term. */
  public static String labelOf(List<String> terms) {
    return terms.isEmpty() ? "(unlabelled)" : terms.get(0);
  }

  static Set<String> stopWords() {
    return Collections.unmodifiableSet(STOP);
  }
}
