package dev.listeningpost.analyze.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Java implementation of VADER (Hutto &amp; Gilbert, ICWSM 2014; reference implementation
 * cjhutto/vaderSentiment 3.3.x): lexicon valences adjusted by negation, boosters and dampeners,
 * ALL-CAPS emphasis, "!"/"?" amplification, contrastive "but", "least", special idioms and emoji.
 *
 * <p>It follows the reference rule for rule, including its quirks (see {@link #butCheck}), so that
 * compound scores match the published ones. Stateless and thread-safe; the lexicon is shared.
 */
public final class VaderScorer implements SentimentScorer {

  /** VADER's recommended label thresholds on the compound score. */
  public static final double THRESHOLD = 0.05;

  // Empirically derived constants from the paper / reference implementation.
  static final double B_INCR = 0.293;
  static final double B_DECR = -0.293;
  static final double C_INCR = 0.733;
  static final double N_SCALAR = -0.74;
  static final double ALPHA = 15.0;

  static final Set<String> NEGATE = Set.of(
      "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
      "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
      "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
      "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
      "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
      "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
      "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
      "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

  static final Map<String, Double> BOOSTERS = Map.ofEntries(
      Map.entry("absolutely", B_INCR), Map.entry("amazingly", B_INCR), Map.entry("awfully", B_INCR),
      Map.entry("completely", B_INCR), Map.entry("considerable", B_INCR),
      Map.entry("considerably", B_INCR), Map.entry("decidedly", B_INCR), Map.entry("deeply", B_INCR),
      Map.entry("effing", B_INCR), Map.entry("enormous", B_INCR), Map.entry("enormously", B_INCR),
      Map.entry("entirely", B_INCR), Map.entry("especially", B_INCR),
      Map.entry("exceptional", B_INCR), Map.entry("exceptionally", B_INCR),
      Map.entry("extreme", B_INCR), Map.entry("extremely", B_INCR),
      Map.entry("fabulously", B_INCR), Map.entry("flipping", B_INCR), Map.entry("flippin", B_INCR),
      Map.entry("frackin", B_INCR), Map.entry("fracking", B_INCR), Map.entry("fricking", B_INCR),
      Map.entry("frickin", B_INCR), Map.entry("frigging", B_INCR), Map.entry("friggin", B_INCR),
      Map.entry("fully", B_INCR), Map.entry("fuckin", B_INCR), Map.entry("fucking", B_INCR),
      Map.entry("fuggin", B_INCR), Map.entry("fugging", B_INCR), Map.entry("greatly", B_INCR),
      Map.entry("hella", B_INCR), Map.entry("highly", B_INCR), Map.entry("hugely", B_INCR),
      Map.entry("incredible", B_INCR), Map.entry("incredibly", B_INCR),
      Map.entry("intensely", B_INCR), Map.entry("major", B_INCR), Map.entry("majorly", B_INCR),
      Map.entry("more", B_INCR), Map.entry("most", B_INCR), Map.entry("particularly", B_INCR),
      Map.entry("purely", B_INCR), Map.entry("quite", B_INCR), Map.entry("really", B_INCR),
      Map.entry("remarkably", B_INCR), Map.entry("so", B_INCR), Map.entry("substantially", B_INCR),
      Map.entry("thoroughly", B_INCR), Map.entry("total", B_INCR), Map.entry("totally", B_INCR),
      Map.entry("tremendous", B_INCR), Map.entry("tremendously", B_INCR), Map.entry("uber", B_INCR),
      Map.entry("unbelievably", B_INCR), Map.entry("unusually", B_INCR), Map.entry("utter", B_INCR),
      Map.entry("utterly", B_INCR), Map.entry("very", B_INCR),
      Map.entry("almost", B_DECR), Map.entry("barely", B_DECR), Map.entry("hardly", B_DECR),
      Map.entry("just enough", B_DECR), Map.entry("kind of", B_DECR), Map.entry("kinda", B_DECR),
      Map.entry("kindof", B_DECR), Map.entry("kind-of", B_DECR), Map.entry("less", B_DECR),
      Map.entry("little", B_DECR), Map.entry("marginal", B_DECR), Map.entry("marginally", B_DECR),
      Map.entry("occasional", B_DECR), Map.entry("occasionally", B_DECR), Map.entry("partly", B_DECR),
      Map.entry("scarce", B_DECR), Map.entry("scarcely", B_DECR), Map.entry("slight", B_DECR),
      Map.entry("slightly", B_DECR), Map.entry("somewhat", B_DECR), Map.entry("sort of", B_DECR),
      Map.entry("sorta", B_DECR), Map.entry("sortof", B_DECR), Map.entry("sort-of", B_DECR));

  static final Map<String, Double> SPECIAL_CASES = Map.of(
      "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5, "bus stop", 0.0,
      "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
      "beating heart", 3.1, "broken heart", -2.9);

  /** Python's string.punctuation, which the reference strips from token ends. */
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final VaderLexicon lexicon;

  public VaderScorer() {
    this.lexicon = VaderLexicon.get();
  }

  /** VADER's proportions of negative, neutral and positive text, and the normalised compound. */
  public record Polarity(double neg, double neu, double pos, double compound) {
  }

  /**
   * Everything the rules computed for one text, for callers that build on VADER (the blended
   * scorer reads its features from here).
   *
   * @param tokens lower-cased tokens as VADER splits them
   * @param valences the adjusted valence of each token (0 for tokens without sentiment)
   * @param rawSum sum of valences plus punctuation emphasis, before normalisation
   * @param punctuationEmphasis the "!"/"?" amplifier that was applied
   * @param polarity the scores the reference returns (unrounded)
   */
  public record Analysis(List<String> tokens, double[] valences, double rawSum,
                         double punctuationEmphasis, Polarity polarity) {
  }

  @Override
  public Sentiment score(String text) {
    return VaderScorer.sentiment(polarityScores(text).compound());
  }

  /** VADER's label rule: compound &gt;= 0.05 positive, &lt;= -0.05 negative, else neutral. */
  public static Sentiment sentiment(double compound) {
    Label label = compound >= THRESHOLD ? Label.POSITIVE
        : compound <= -THRESHOLD ? Label.NEGATIVE : Label.NEUTRAL;
    return new Sentiment(compound, label);
  }

  /** Same as the reference's {@code polarity_scores}, without its rounding. */
  public Polarity polarityScores(String text) {
    return analyze(text).polarity();
  }

  public Analysis analyze(String text) {
    String translated = pyStrip(translateEmoji(text == null ? "" : text));
    List<String> words = wordsAndEmoticons(translated);
    int n = words.size();
    String[] lower = new String[n];
    for (int i = 0; i < n; i++) {
      lower[i] = words.get(i).toLowerCase(Locale.ROOT);
    }
    boolean capDiff = allCapDifferential(words);

    double[] sentiments = new double[n];
    for (int i = 0; i < n; i++) {
      // Boosters and "kind of" modify their neighbours and carry no valence themselves.
      if (BOOSTERS.containsKey(lower[i])) {
        continue;
      }
      if (i < n - 1 && lower[i].equals("kind") && lower[i + 1].equals("of")) {
        continue;
      }
      sentiments[i] = valence(words, lower, i, capDiff);
    }
    butCheck(lower, sentiments);
    return scoreValence(List.of(lower), sentiments, translated);
  }

  private double valence(List<String> words, String[] lower, int i, boolean capDiff) {
    Double base = lexicon.valence(lower[i]);
    if (base == null) {
      return 0.0;
    }
    int n = lower.length;
    double valence = base;
    // "no" directly before a lexicon word negates that word instead of scoring itself.
    if (lower[i].equals("no") && i != n - 1 && lexicon.contains(lower[i + 1])) {
      valence = 0.0;
    }
    if ((i > 0 && lower[i - 1].equals("no"))
        || (i > 1 && lower[i - 2].equals("no"))
        || (i > 2 && lower[i - 3].equals("no")
            && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")))) {
      valence = base * N_SCALAR;
    }
    if (capDiff && isUpper(words.get(i))) {
      valence += valence > 0 ? C_INCR : -C_INCR;
    }
    for (int startI = 0; startI < 3; startI++) {
      int j = i - (startI + 1);
      // Modifiers are looked for among the three preceding words that are not themselves sentiment words.
      if (i > startI && !lexicon.contains(lower[j])) {
        double s = scalarIncDec(words.get(j), lower[j], valence, capDiff);
        if (startI == 1 && s != 0) {
          s *= 0.95;
        }
        if (startI == 2 && s != 0) {
          s *= 0.9;
        }
        valence += s;
        valence = negationCheck(valence, lower, startI, i);
        if (startI == 2) {
          valence = specialIdiomsCheck(valence, lower, i);
        }
      }
    }
    return leastCheck(valence, lower, i);
  }

  private static double scalarIncDec(String word, String lowerWord, double valence, boolean capDiff) {
    Double boost = BOOSTERS.get(lowerWord);
    if (boost == null) {
      return 0.0;
    }
    double scalar = valence < 0 ? -boost : boost;
    if (capDiff && isUpper(word)) {
      scalar += valence > 0 ? C_INCR : -C_INCR;
    }
    return scalar;
  }

  static boolean negated(String lowerWord) {
    return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
  }

  private static double negationCheck(double valence, String[] l, int startI, int i) {
    if (startI == 0) {
      if (negated(l[i - 1])) {
        return valence * N_SCALAR;
      }
    } else if (startI == 1) {
      if (l[i - 2].equals("never") && (l[i - 1].equals("so") || l[i - 1].equals("this"))) {
        return valence * 1.25;
      } else if (l[i - 2].equals("without") && l[i - 1].equals("doubt")) {
        return valence;
      } else if (negated(l[i - 2])) {
        return valence * N_SCALAR;
      }
    } else if (startI == 2) {
      // The reference groups this as (never && (so || this)) || (so || this) one word back.
      if ((l[i - 3].equals("never") && (l[i - 2].equals("so") || l[i - 2].equals("this")))
          || (l[i - 1].equals("so") || l[i - 1].equals("this"))) {
        return valence * 1.25;
      } else if (l[i - 3].equals("without")
          && (l[i - 2].equals("doubt") || l[i - 1].equals("doubt"))) {
        return valence;
      } else if (negated(l[i - 3])) {
        return valence * N_SCALAR;
      }
    }
    return valence;
  }

  private static double specialIdiomsCheck(double valence, String[] l, int i) {
    int n = l.length;
    String oneZero = l[i - 1] + " " + l[i];
    String twoOneZero = l[i - 2] + " " + l[i - 1] + " " + l[i];
    String twoOne = l[i - 2] + " " + l[i - 1];
    String threeTwoOne = l[i - 3] + " " + l[i - 2] + " " + l[i - 1];
    String threeTwo = l[i - 3] + " " + l[i - 2];
    for (String seq : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
      Double special = SPECIAL_CASES.get(seq);
      if (special != null) {
        valence = special;
        break;
      }
    }
    if (n - 1 > i) {
      Double special = SPECIAL_CASES.get(l[i] + " " + l[i + 1]);
      if (special != null) {
        valence = special;
      }
    }
    if (n - 1 > i + 1) {
      Double special = SPECIAL_CASES.get(l[i] + " " + l[i + 1] + " " + l[i + 2]);
      if (special != null) {
        valence = special;
      }
    }
    // Multi-word dampeners such as "kind of" / "sort of".
    for (String ngram : new String[] {threeTwoOne, threeTwo, twoOne}) {
      Double boost = BOOSTERS.get(ngram);
      if (boost != null) {
        valence += boost;
      }
    }
    return valence;
  }

  private double leastCheck(double valence, String[] l, int i) {
    if (i > 1 && !lexicon.contains(l[i - 1]) && l[i - 1].equals("least")) {
      if (!l[i - 2].equals("at") && !l[i - 2].equals("very")) {
        return valence * N_SCALAR;
      }
    } else if (i > 0 && !lexicon.contains(l[i - 1]) && l[i - 1].equals("least")) {
      return valence * N_SCALAR;
    }
    return valence;
  }

  /**
   * Halves valences before the first "but" and multiplies those after it by 1.5. The reference
   * locates each value with {@code list.index(value)}, i.e. the first equal value, so repeated
   * values can be scaled at the wrong position or twice; reproduced here to give the same scores.
   */
  static void butCheck(String[] lower, double[] sentiments) {
    int bi = -1;
    for (int k = 0; k < lower.length; k++) {
      if (lower[k].equals("but")) {
        bi = k;
        break;
      }
    }
    if (bi < 0) {
      return;
    }
    for (int k = 0; k < sentiments.length; k++) {
      double s = sentiments[k];
      int si = 0;
      while (sentiments[si] != s) {
        si++;
      }
      if (si < bi) {
        sentiments[si] = s * 0.5;
      } else if (si > bi) {
        sentiments[si] = s * 1.5;
      }
    }
  }

  private static Analysis scoreValence(List<String> tokens, double[] sentiments, String text) {
    if (sentiments.length == 0) {
      return new Analysis(tokens, sentiments, 0.0, 0.0, new Polarity(0.0, 0.0, 0.0, 0.0));
    }
    double sum = 0.0;
    for (double s : sentiments) {
      sum += s;
    }
    double punct = punctuationEmphasis(text);
    if (sum > 0) {
      sum += punct;
    } else if (sum < 0) {
      sum -= punct;
    }
    double compound = normalize(sum);

    double posSum = 0.0;
    double negSum = 0.0;
    int neuCount = 0;
    for (double s : sentiments) {
      // +1/-1 compensate for neutral words being counted as 1.
      if (s > 0) {
        posSum += s + 1;
      }
      if (s < 0) {
        negSum += s - 1;
      }
      if (s == 0) {
        neuCount++;
      }
    }
    if (posSum > Math.abs(negSum)) {
      posSum += punct;
    } else if (posSum < Math.abs(negSum)) {
      negSum -= punct;
    }
    double total = posSum + Math.abs(negSum) + neuCount;
    Polarity polarity = new Polarity(
        Math.abs(negSum / total), Math.abs(neuCount / total), Math.abs(posSum / total), compound);
    return new Analysis(tokens, sentiments, sum, punct, polarity);
  }

  static double punctuationEmphasis(String text) {
    int ep = 0;
    int qm = 0;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '!') {
        ep++;
      } else if (c == '?') {
        qm++;
      }
    }
    double amplifier = Math.min(ep, 4) * 0.292;
    if (qm > 1) {
      amplifier += qm <= 3 ? qm * 0.18 : 0.96;
    }
    return amplifier;
  }

  /** Maps an unbounded valence sum into (-1, 1); alpha approximates the maximum expected value. */
  public static double normalize(double score) {
    double norm = score / Math.sqrt(score * score + ALPHA);
    return Math.max(-1.0, Math.min(1.0, norm));
  }

  private String translateEmoji(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean prevSpace = true;
    for (int k = 0; k < text.length(); ) {
      int cp = text.codePointAt(k);
      k += Character.charCount(cp);
      String description = lexicon.emojiDescription(cp);
      if (description != null) {
        if (!prevSpace) {
          out.append(' ');
        }
        out.append(description);
        prevSpace = false;
      } else {
        out.appendCodePoint(cp);
        prevSpace = cp == ' ';
      }
    }
    return out.toString();
  }

  /** Python's str.split(): runs of whitespace separate tokens; then strip punctuation per token. */
  static List<String> wordsAndEmoticons(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int k = 0; k < text.length(); ) {
      int cp = text.codePointAt(k);
      if (isPyWhitespace(cp)) {
        if (start >= 0) {
          out.add(stripPunctuationIfWord(text.substring(start, k)));
          start = -1;
        }
      } else if (start < 0) {
        start = k;
      }
      k += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(stripPunctuationIfWord(text.substring(start)));
    }
    return out;
  }

  /** Strips leading/trailing punctuation unless that leaves two characters or fewer (an emoticon). */
  static String stripPunctuationIfWord(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && PUNCTUATION.indexOf(token.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) {
      to--;
    }
    String stripped = token.substring(from, to);
    return stripped.codePointCount(0, stripped.length()) <= 2 ? token : stripped;
  }

  /** True if some but not all words are ALL CAPS (then capitals signal emphasis). */
  static boolean allCapDifferential(List<String> words) {
    int allCaps = 0;
    for (String w : words) {
      if (isUpper(w)) {
        allCaps++;
      }
    }
    int differential = words.size() - allCaps;
    return differential > 0 && differential < words.size();
  }

  /** Python's str.isupper(): at least one cased character and no lower-case ones. */
  static boolean isUpper(String s) {
    boolean cased = false;
    for (int k = 0; k < s.length(); ) {
      int cp = s.codePointAt(k);
      k += Character.charCount(cp);
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      if (Character.isUpperCase(cp)) {
        cased = true;
      }
    }
    return cased;
  }

  private static boolean isPyWhitespace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  private static String pyStrip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isPyWhitespace(s.charAt(from))) {
      from++;
    }
    while (to > from && isPyWhitespace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }
}
