package dev.listeningpost.analyze.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical features the sentiment classifier reads: VADER's sub-scores plus cues VADER does not
 * weigh. Training (bench/TrainSentiment) and scoring both call {@link #extract}, so they cannot
 * drift apart.
 *
 * <p>Customer feedback often wraps a complaint in politeness or thanks ("Thanks for keeping me on
 * hold for an hour", "please fix this, it has been broken for a week") or in sarcasm ("Great,
 * another delay"). VADER adds the valence of "thanks", "please", "great" and calls such texts
 * positive. When a text reports a failure or a bad situation, the valence of those polite or
 * sarcastic words is removed (politeness) or inverted (sarcasm) before the VADER sub-scores are
 * computed, so the classifier sees the complaint. The cues are not features of their own: they
 * hardly occur in the labelled training sets (87 of 46,000 texts, mostly sincere reviews), so a
 * learned weight on them would be noise; the valence rewrite is the prior that carries them.
 *
 * <p>Sarcasm needs a bad service situation ("on hold", "delayed", "never arrived"), not just a
 * product complaint: "I love how it fits, too short though" is a sincere mixed review.
 */
public final class SentimentFeatures {

  /** Feature names, in vector order; the model file lists them too and is checked against these. */
  public static final List<String> NAMES = List.of(
      "compound",        // VADER compound in [-1, 1], polite/sarcastic praise removed in complaints
      "posMass",         // log1p of the summed positive valences (same removal)
      "negMass",         // log1p of the summed |negative valences|
      "posShare",        // VADER pos proportion (same removal)
      "negShare",        // VADER neg proportion
      "noSentiment",     // 1 when no token carries valence: plain statements are mostly neutral
      "negations",       // any negation token (VADER only looks three words back)
      "complaints",      // min(cue count, 3): "doesn't work", "refund", "on hold", "never arrived"...
      "suggestion",      // a request or wish: "it would be great if", "please add"...
      "length",          // log1p(token count)
      "exclamations",    // min("!" count, 3)
      "question",        // contains "?"
      "contrast",        // but / however / although: mixed reviews
      "sentenceMin",     // lowest VADER compound of any sentence: one bad sentence in a long review
      "sentenceMax",     // highest VADER compound of any sentence
      "sentenceNeg",     // share of sentences with VADER compound <= -0.05
      "sentenceLast");   // VADER compound of the last sentence, where reviews often give the verdict

  public static final int SIZE = NAMES.size();

  static final int SUGGESTION = NAMES.indexOf("suggestion");

  // Something that does not work (product feedback).
  private static final Pattern FAILURE = Pattern.compile(
      "\\b(?:(?:does ?n[o']?t|did ?n[o']?t|do ?n[o']?t|not|never|no longer|stopped|wo ?n'?t|can ?n?'?t|cannot|could ?n'?t|will not|would ?n'?t)"
          + " (?:work|working|worked|load|loading|open|start|connect|sync|charge|turn on|fit|respond|hold)"
          + "|broke|broken|breaks|crash(?:es|ed|ing)?|freez(?:e|es|ing)|froze|frozen|hangs"
          + "|refund|return(?:ed|ing)? (?:it|this|them|the)|sent (?:it )?back|waste of|rip ?off|scam"
          + "|bug|bugs|buggy|glitch(?:es|y)?|errors?|fail(?:s|ed|ure|ing)?|defective|unusable|useless"
          + "|junk|garbage|keeps? (?:crashing|freezing|dropping|disconnecting)|still (?:broken|waiting)"
          + "|no (?:response|reply|answer) from|nobody (?:answers|replies|responds))\\b");

  // A bad service situation (customer care, delivery, travel, billing): no sentiment word needed.
  private static final Pattern PAIN = Pattern.compile(
      "\\b(?:(?:been|was|were|am|is|are|put me|put us|placed me) on hold|on hold for"
          + "|(?:kept|keep|keeps|keeping|left|leaving|leave) (?:me |us )?(?:waiting|on hold|hanging|stranded)"
          + "|still (?:waiting|no|not|nothing|haven'?t|hasn'?t)|been waiting"
          + "|wait(?:ed|ing)? (?:for )?(?:over |more than |almost |nearly |another )?(?:an?|one|two|three|four|five|six|\\d+|several|many) (?:more )?(?:minutes|hours?|days?|weeks?|months?)"
          + "|delay(?:s|ed)?|cancel(?:l)?ed|late again|missed (?:my|our|the) (?:connection|flight|train|delivery)"
          + "|(?:lost|misplaced|damaged|broke) (?:my|our|the)|never (?:arrived|received|came|showed|got|heard|called)"
          + "|(?:has ?n'?t|has not|have ?n'?t|have not|did ?n'?t|did not) (?:arrived|received|come|shown up|heard|called|replied|responded|gotten)"
          + "|no (?:one|body) (?:answers|answered|calls|called|helps|helped|responds|responded|cares|replied)"
          + "|(?:charged|billed) (?:me |us )?(?:twice|again|double)|overcharg(?:ed|ing)|double charged|hung up"
          + "|another (?:delay|hour|day|week|issue|problem|outage|error|fee)|yet again|(?:ruin|ruined|wasting|wasted) (?:my|our|an?|the)"
          + "|thanks? (?:you )?for nothing|so much for|worst (?:service|experience|airline|company)|(?:rude|unhelpful) (?:staff|agent|service|rep)"
          + "|what a (?:joke|mess|nightmare|disaster))\\b");

  private static final Pattern ANNOYANCE = Pattern.compile(
      "\\b(?:laggy|lags?|flimsy|cheaply|poor(?:ly)? (?:quality|made|designed)|unreliable|unresponsive"
          + "|disappoint(?:ed|ing|ment)?|frustrat(?:ed|ing|ion)|annoying|overpriced"
          + "|too (?:slow|small|big|expensive|short|long)|(?:very|so|too|really|extremely) (?:slow|hard|difficult|confusing))\\b");

  private static final Pattern SUGGESTION_CUE = Pattern.compile(
      "\\b(?:(?:it|that|this) (?:would|'d|will) be (?:nice|great|good|awesome|helpful|cool|useful|amazing|handy|lovely|better|ideal)"
          + "|it'd be|would (?:love|like) (?:to see|it if|a|an|the|to have|support|if)|i'?d love|i wish|we wish|wish (?:there|it|you|the|we|i could)"
          + "|please (?:add|support|allow|make|consider|let|provide|include|bring|enable|implement|offer|give)"
          + "|(?:could|can|would|will) you (?:please|add|make|consider|support|allow|let|provide|include|implement)"
          + "|(?:should|could) (?:add|support|allow|have|include|offer|provide|let|consider|be able)"
          + "|feature request|suggest(?:ion|ing)?|(?:add|adding) (?:support|an option|a way|the ability|a setting|a button|dark mode)"
          + "|option to|ability to|consider adding|how about|any plans? (?:to|for)|hope you (?:add|will|can)"
          + "|would be (?:nice|great|good|awesome|helpful|cool|useful|amazing|handy|lovely|better|ideal) (?:if|to))\\b");

  /** Politeness tokens whose VADER valence says nothing about the writer's mood in a complaint. */
  private static final Set<String> POLITE = Set.of(
      "thanks", "thank", "thx", "ty", "please", "pls", "plz", "appreciate", "appreciated", "kindly",
      "cheers", "welcome", "sorry");

  private static final Pattern POLITE_CUE = Pattern.compile(
      "\\b(?:thanks|thank you|thank u|thx|please|pls|plz|appreciate|appreciated|kindly|cheers)\\b");

  /** Praise words used sarcastically: inverted only when they open a bad situation. */
  private static final Set<String> SARCASTIC = Set.of(
      "great", "wonderful", "fantastic", "awesome", "perfect", "lovely", "nice", "brilliant", "terrific",
      "super", "love", "loving", "yay", "good", "cool", "amazing", "excellent", "well", "thanks", "thank");

  // A praise word at the start of a clause, followed by a pause or "another"/"just"/"how"...:
  // "Great, another delay", "Oh wonderful. Cancelled again", "Love how I waited 2 hours",
  // "Thanks for keeping me on hold", "Gotta love ...". A plain "Great product" does not match.
  private static final Pattern SARCASM_CUE = Pattern.compile(
      "(?:^|[.!?;:]\\s*|\\boh,?\\s+|\\bjust\\s+)(?:(?:oh|so|just|really|yeah)[,\\s]+)?"
          + "(?:(?:great|wonderful|fantastic|awesome|perfect|lovely|nice|brilliant|terrific|super|amazing|excellent|cool|yay)\\s*(?:[,.!…]|\\s+(?:another|again|now|so|just|job|work|going|move|to see|that|how))"
          + "|(?:gotta |got to |i )?lov(?:e|ing) (?:how|that|it when|when|being|waiting|the way)"
          + "|thanks? (?:you )?(?:so much |a lot )?for (?:nothing|the (?:delay|wait|runaround|hassle)|(?:keeping|making|leaving|wasting|ruining"
          + "|losing|cancell?ing|delaying|charging|overcharging|ignoring|hanging up|putting me|sending me|forcing)\\b)"
          + "|way to go|good job|nice job|well done)");

  private static final int SARCASM_REACH = 40;

  private static final Pattern CONTRAST = Pattern.compile("\\b(?:but|however|although|though|except|yet)\\b");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

  /** Scores single sentences; the lexicon is shared, so this costs nothing to hold. */
  private static final VaderScorer SENTENCES = new VaderScorer();

  private SentimentFeatures() {
  }

  /** The feature vector of one text, given VADER's analysis of it. */
  public static double[] extract(String text, VaderScorer.Analysis analysis) {
    String lower = text == null ? "" : normalise(text);
    int pain = matches(PAIN, lower);
    int cues = matches(FAILURE, lower) + pain + matches(ANNOYANCE, lower);
    boolean polite = cues > 0 && POLITE_CUE.matcher(lower).find();
    boolean sarcasm = pain > 0 && sarcasticOpening(lower);
    double[] valences = maskedValences(analysis, polite, sarcasm);

    double posMass = 0;
    double negMass = 0;
    int neutral = 0;
    for (double v : valences) {
      if (v > 0) {
        posMass += v;
      } else if (v < 0) {
        negMass -= v;
      } else {
        neutral++;
      }
    }
    boolean negation = false;
    for (String token : analysis.tokens()) {
      if (VaderScorer.negated(token)) {
        negation = true;
      }
    }
    double[] x = new double[SIZE];
    Shares shares = shares(valences, analysis.punctuationEmphasis(), neutral);
    x[0] = shares.compound;
    x[1] = Math.log1p(posMass);
    x[2] = Math.log1p(negMass);
    x[3] = shares.pos;
    x[4] = shares.neg;
    x[5] = posMass == 0 && negMass == 0 ? 1 : 0;
    x[6] = negation ? 1 : 0;
    x[7] = Math.min(cues, 3);
    x[8] = SUGGESTION_CUE.matcher(lower).find() ? 1 : 0;
    x[9] = Math.log1p(analysis.tokens().size());
    x[10] = Math.min(count(lower, '!'), 3);
    x[11] = lower.indexOf('?') >= 0 ? 1 : 0;
    x[12] = CONTRAST.matcher(lower).find() ? 1 : 0;
    sentences(text, shares.compound, x);
    return x;
  }

  /** Per-sentence VADER figures into x[13..16]; a one-sentence text repeats the text's compound. */
  private static void sentences(String text, double compound, double[] x) {
    String[] parts = text == null ? new String[0] : SENTENCE_END.split(text.strip());
    if (parts.length <= 1) {
      x[13] = compound;
      x[14] = compound;
      x[15] = compound <= -VaderScorer.THRESHOLD ? 1 : 0;
      x[16] = compound;
      return;
    }
    double min = 1;
    double max = -1;
    int negative = 0;
    int counted = 0;
    double last = 0;
    for (String part : parts) {
      if (part.isBlank()) {
        continue;
      }
      double c = SENTENCES.polarityScores(part).compound();
      min = Math.min(min, c);
      max = Math.max(max, c);
      negative += c <= -VaderScorer.THRESHOLD ? 1 : 0;
      counted++;
      last = c;
    }
    x[13] = counted == 0 ? 0 : min;
    x[14] = counted == 0 ? 0 : max;
    x[15] = counted == 0 ? 0 : negative / (double) counted;
    x[16] = last;
  }

  /** True when the text asks for something (a feature, a change). */
  public static boolean isSuggestion(double[] features) {
    return features[SUGGESTION] > 0;
  }

  /** True when the text reports that something is broken or a bad situation ("crashes", "on hold"). */
  public static boolean reportsFailure(String text) {
    if (text == null) {
      return false;
    }
    String lower = normalise(text);
    return FAILURE.matcher(lower).find() || PAIN.matcher(lower).find();
  }

  /** True when politeness wraps a complaint: its positive valence is then ignored. */
  static boolean politeComplaint(String text) {
    String lower = normalise(text);
    boolean complaint = reportsFailure(text) || ANNOYANCE.matcher(lower).find();
    return complaint && POLITE_CUE.matcher(lower).find();
  }

  /** True when a praise word opens a bad service situation: its valence is then inverted. */
  public static boolean sarcastic(String text) {
    return text != null && sarcasticOpening(normalise(text));
  }

  /**
   * A praise opener followed closely (within {@link #SARCASM_REACH} characters) by a service-pain
   * cue: "Great, another delay". Far apart, they are usually a sincere review that mentions a wait.
   */
  static boolean sarcasticOpening(String lower) {
    Matcher pain = PAIN.matcher(lower);
    if (!pain.find()) {
      return false; // the common case; the opener pattern is the costlier one
    }
    Matcher opener = SARCASM_CUE.matcher(lower);
    while (opener.find()) {
      if (pain.find(opener.start()) && pain.start() <= opener.end() + SARCASM_REACH) {
        return true;
      }
    }
    return false;
  }

  /**
   * VADER's valences with politeness in a complaint set to 0 (it says nothing about the mood), and
   * praise words in a sarcastic complaint inverted (sarcasm says the opposite of the word).
   */
  private static double[] maskedValences(VaderScorer.Analysis analysis, boolean polite, boolean sarcasm) {
    double[] v = analysis.valences();
    if (!polite && !sarcasm) {
      return v;
    }
    double[] out = v.clone();
    List<String> tokens = analysis.tokens();
    for (int i = 0; i < out.length; i++) {
      String t = tokens.get(i);
      if (out[i] > 0 && sarcasm && SARCASTIC.contains(t)) {
        out[i] = -out[i];
      } else if (out[i] > 0 && polite && POLITE.contains(t)) {
        out[i] = 0;
      }
    }
    return out;
  }

  private record Shares(double compound, double pos, double neg) {
  }

  /** VADER's compound and pos/neg proportions for (possibly masked) valences; same formulas. */
  private static Shares shares(double[] valences, double punct, int neutral) {
    if (valences.length == 0) {
      return new Shares(0, 0, 0);
    }
    double sum = 0;
    double posSum = 0;
    double negSum = 0;
    for (double s : valences) {
      sum += s;
      if (s > 0) {
        posSum += s + 1;
      } else if (s < 0) {
        negSum += s - 1;
      }
    }
    sum += sum > 0 ? punct : sum < 0 ? -punct : 0;
    if (posSum > Math.abs(negSum)) {
      posSum += punct;
    } else if (posSum < Math.abs(negSum)) {
      negSum -= punct;
    }
    double total = posSum + Math.abs(negSum) + neutral;
    return new Shares(VaderScorer.normalize(sum), posSum / total, Math.abs(negSum) / total);
  }

  private static String normalise(String text) {
    // Curly apostrophes are common in pasted text; the cues are written with straight ones.
    return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  private static int matches(Pattern pattern, String s) {
    Matcher m = pattern.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
