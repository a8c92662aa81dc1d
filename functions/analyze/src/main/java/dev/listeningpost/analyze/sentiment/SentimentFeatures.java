package dev.listeningpost.analyze.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical features the blended model reads: VADER's sub-scores plus cues VADER does not
 * weigh (feedback-specific complaint and suggestion phrases, negation anywhere in the text).
 * Length, "!", "?", contrast and praise cues were tried and dropped: they lowered the
 * leave-one-file-out correlation on tweets (see docs/performance/sentiment.md). Training
 * (bench/TrainBlended) and scoring both call {@link #extract}, so they cannot drift apart.
 */
public final class SentimentFeatures {

  /** Feature names, in vector order; the model file lists them too and is checked against these. */
  public static final List<String> NAMES = List.of(
      "compound",        // VADER compound in [-1, 1]
      "posMass",         // log1p of the summed positive valences
      "negMass",         // log1p of the summed |negative valences|
      "posShare",        // VADER pos proportion
      "negShare",        // VADER neg proportion
      "negations",       // any negation token (VADER only looks three words back)
      "complaints",      // min(complaint cue count, 3): "doesn't work", "refund", "crashes"...
      "suggestion");     // a request or wish: "it would be great if", "please add"...

  public static final int SIZE = NAMES.size();

  // Phrases VADER's lexicon misses or under-weights in product feedback. A failure is something
  // that does not work; an annoyance is a softer pain point that often comes with a request.
  private static final Pattern FAILURE = Pattern.compile(
      "\\b(?:(?:does ?n[o']?t|did ?n[o']?t|do ?n[o']?t|not|never|no longer|stopped|wo ?n'?t|can ?n?'?t|cannot|could ?n'?t|will not|would ?n'?t)"
          + " (?:work|working|worked|load|loading|open|start|connect|sync|charge|turn on|fit|respond|hold)"
          + "|broke|broken|breaks|crash(?:es|ed|ing)?|freez(?:e|es|ing)|froze|frozen|hangs"
          + "|refund|return(?:ed|ing)? (?:it|this|them|the)|sent (?:it )?back|waste of|rip ?off|scam"
          + "|bug|bugs|buggy|glitch(?:es|y)?|errors?|fail(?:s|ed|ure|ing)?|defective|unusable|useless"
          + "|junk|garbage|keeps? (?:crashing|freezing|dropping|disconnecting)|still (?:broken|waiting)"
          + "|no (?:response|reply|answer) from|nobody (?:answers|replies|responds))\\b");

  private static final Pattern ANNOYANCE = Pattern.compile(
      "\\b(?:laggy|lags?|flimsy|cheaply|poor(?:ly)? (?:quality|made|designed)|unreliable|unresponsive"
          + "|disappoint(?:ed|ing|ment)?|frustrat(?:ed|ing|ion)|annoying|overpriced"
          + "|too (?:slow|small|big|expensive|short|long)|(?:very|so|too|really|extremely) (?:slow|hard|difficult|confusing))\\b");

  private static final Pattern SUGGESTION = Pattern.compile(
      "\\b(?:(?:it|that|this) (?:would|'d|will) be (?:nice|great|good|awesome|helpful|cool|useful|amazing|handy|lovely|better|ideal)"
          + "|it'd be|would (?:love|like) (?:to see|it if|a|an|the|to have|support|if)|i'?d love|i wish|we wish|wish (?:there|it|you|the|we|i could)"
          + "|please (?:add|support|allow|make|consider|let|provide|include|bring|enable|implement|offer|give)"
          + "|(?:could|can|would|will) you (?:please|add|make|consider|support|allow|let|provide|include|implement)"
          + "|(?:should|could) (?:add|support|allow|have|include|offer|provide|let|consider|be able)"
          + "|feature request|suggest(?:ion|ing)?|(?:add|adding) (?:support|an option|a way|the ability|a setting|a button|dark mode)"
          + "|option to|ability to|consider adding|how about|any plans? (?:to|for)|hope you (?:add|will|can)"
          + "|would be (?:nice|great|good|awesome|helpful|cool|useful|amazing|handy|lovely|better|ideal) (?:if|to))\\b");


  private SentimentFeatures() {
  }

  /** The feature vector of one text, given VADER's analysis of it. */
  public static double[] extract(String text, VaderScorer.Analysis analysis) {
    String lower = text == null ? "" : normalise(text);
    double[] x = new double[SIZE];
    VaderScorer.Polarity p = analysis.polarity();
    double posMass = 0;
    double negMass = 0;
    for (double v : analysis.valences()) {
      if (v > 0) {
        posMass += v;
      } else if (v < 0) {
        negMass -= v;
      }
    }
    boolean negation = false;
    for (String token : analysis.tokens()) {
      if (VaderScorer.negated(token)) {
        negation = true;
      }
    }
    x[0] = p.compound();
    x[1] = Math.log1p(posMass);
    x[2] = Math.log1p(negMass);
    x[3] = p.pos();
    x[4] = p.neg();
    x[5] = negation ? 1 : 0;
    x[6] = Math.min(matches(FAILURE, lower) + matches(ANNOYANCE, lower), 3);
    x[7] = SUGGESTION.matcher(lower).find() ? 1 : 0;
    return x;
  }

  /** True when the text asks for something (a feature, a change) rather than reporting a failure. */
  public static boolean isSuggestion(double[] features) {
    return features[7] > 0;
  }

  /** True when the text reports that something is broken ("crashes", "doesn't work", "refund"). */
  public static boolean reportsFailure(String text) {
    return text != null && FAILURE.matcher(normalise(text)).find();
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
}
