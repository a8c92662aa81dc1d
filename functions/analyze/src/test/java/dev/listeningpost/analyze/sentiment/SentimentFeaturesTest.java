package dev.listeningpost.analyze.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentimentFeaturesTest {

  private final VaderScorer vader = new VaderScorer();

  private double[] features(String text) {
    return SentimentFeatures.extract(text, vader.analyze(text));
  }

  private static double get(double[] x, String name) {
    return x[SentimentFeatures.NAMES.indexOf(name)];
  }

  @Test
  void thanksInAComplaintNoLongerCountsAsPraise() {
    String text = "Thanks for keeping me on hold for an hour";
    assertTrue(vader.polarityScores(text).compound() > 0.05, "VADER alone calls it positive");
    double[] x = features(text);
    assertTrue(get(x, "compound") < -0.05, "the sarcastic thanks is inverted: " + get(x, "compound"));
    assertTrue(SentimentFeatures.politeComplaint(text));
    assertTrue(SentimentFeatures.sarcastic(text));
    assertTrue(get(x, "complaints") >= 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Great, another delay.", "Oh wonderful. My flight got cancelled again",
      "Love how I waited two hours for nothing", "Thanks for nothing"})
  void sarcasticOpeningsAroundABadSituationAreFlagged(String text) {
    double[] x = features(text);
    assertTrue(SentimentFeatures.sarcastic(text), text);
    assertTrue(get(x, "compound") < 0, text + " -> " + get(x, "compound"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Thanks for the quick help!", "Great product, fast delivery.",
      "Thank you, my package arrived a day early", "Love this dress, the fit is perfect",
      "I love how it fits, a bit too short though"})
  void sincerePraiseKeepsItsValence(String text) {
    double[] x = features(text);
    assertFalse(SentimentFeatures.sarcastic(text), text);
    assertTrue(get(x, "compound") > 0.05, text);
  }

  @Test
  void politenessInASincereComplaintIsRemovedNotInverted() {
    String text = "Please check, my package never arrived";
    double[] x = features(text);
    assertTrue(SentimentFeatures.politeComplaint(text));
    assertFalse(SentimentFeatures.sarcastic(text));
    assertEquals(0.0, get(x, "posMass"), 1e-12, "the please no longer counts as positive");
  }

  @Test
  void plainStatementHasNoSentimentAndNoCue() {
    double[] x = features("My order arrived today.");
    assertEquals(1.0, get(x, "noSentiment"));
    assertEquals(0.0, get(x, "complaints"));
    assertFalse(SentimentFeatures.reportsFailure("My order arrived today."));
    assertTrue(SentimentFeatures.reportsFailure("My order never arrived"));
  }

  @Test
  void requestIsASuggestion() {
    assertTrue(SentimentFeatures.isSuggestion(features("Please add dark mode")));
    assertFalse(SentimentFeatures.isSuggestion(features("Dark mode is here")));
  }
}
