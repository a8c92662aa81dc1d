package dev.listeningpost.analyze.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.sentiment.SentimentScorer.Label;
import dev.listeningpost.analyze.sentiment.SentimentScorer.Sentiment;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlendedScorerTest {

  private final BlendedScorer blended = new BlendedScorer();
  private final VaderScorer vader = new VaderScorer();

  /** A model that passes VADER's compound through unchanged, to test the scorer's own rules. */
  private static BlendedModel passThrough(double threshold) {
    int n = SentimentFeatures.SIZE;
    double[] mean = new double[n];
    double[] scale = new double[n];
    double[] weights = new double[n];
    java.util.Arrays.fill(scale, 1.0);
    weights[SentimentFeatures.NAMES.indexOf("compound")] = 1.0;
    return new BlendedModel(SentimentFeatures.NAMES, mean, scale, weights, 0.0, threshold, "test");
  }

  @Test
  void labelsUseTheModelThresholdInclusively() {
    BlendedScorer scorer = new BlendedScorer(vader, passThrough(0.1));
    assertEquals(Label.POSITIVE, scorer.label(0.1));
    assertEquals(Label.NEUTRAL, scorer.label(0.0999));
    assertEquals(Label.NEUTRAL, scorer.label(-0.0999));
    assertEquals(Label.NEGATIVE, scorer.label(-0.1));
    Sentiment good = scorer.score("The book was good.");
    assertEquals(0.4404, Math.round(good.compound() * 10_000) / 10_000.0, 1e-9);
    assertEquals(Label.POSITIVE, good.label());
    // 0.0772 is positive for VADER (>= 0.05) but below this model's 0.1 threshold.
    BlendedScorer strict = new BlendedScorer(vader, passThrough(0.5));
    assertEquals(Label.NEUTRAL, strict.score("The book was good.").label());
  }

  /** Pass-through on the lexical side plus a 3-dimension embedding weight vector. */
  private static BlendedModel withEmbedding(double[] embeddingWeights) {
    BlendedModel lexical = passThrough(0.1);
    return new BlendedModel(lexical.features(), lexical.mean(), lexical.scale(), lexical.weights(), 0.0,
        0.1, "test", embeddingWeights);
  }

  @Test
  void usesTheEmbeddingModelOnlyWithAnEmbeddingOfTheRightSize() {
    // Embedding weight pushes strongly negative along the first axis.
    BlendedScorer scorer = new BlendedScorer(vader, passThrough(0.1), withEmbedding(new double[] {-2, 0, 0}));
    String text = "The book was good.";
    double lexical = scorer.score(text).compound();
    assertEquals(lexical, scorer.score(text, null).compound(), 1e-12);
    assertEquals(lexical, scorer.score(text, new float[5]).compound(), 1e-12, "wrong size: lexical");
    // The vector is L2-normalised first: (3,0,0) reads as (1,0,0).
    assertEquals(Math.max(-1, lexical - 2), scorer.score(text, new float[] {3, 0, 0}).compound(), 1e-12);
    assertEquals(Label.NEGATIVE, scorer.score(text, new float[] {3, 0, 0}).label());
    assertEquals(lexical, scorer.score(text, new float[] {0, 1, 0}).compound(), 1e-12);
    assertEquals(3, scorer.embeddingDimensions());
  }

  @Test
  void suggestionRuleAlsoAppliesWithAnEmbedding() {
    BlendedScorer scorer = new BlendedScorer(vader, passThrough(0.1), withEmbedding(new double[] {-2, 0, 0}));
    Sentiment s = scorer.score("It would be nice if the sidebar remembered its width", new float[] {1, 0, 0});
    assertEquals(0.0, s.compound(), 1e-12);
    assertEquals(Label.NEUTRAL, s.label());
  }

  @Test
  void modelsAreCheckedForTheirRole() {
    assertThrows(IllegalArgumentException.class,
        () -> new BlendedScorer(vader, withEmbedding(new double[] {1, 0, 0}), null));
    assertThrows(IllegalArgumentException.class,
        () -> new BlendedScorer(vader, passThrough(0.1), passThrough(0.1)));
    assertThrows(IllegalArgumentException.class,
        () -> withEmbedding(new double[] {1, 0, 0}).predict(new double[SentimentFeatures.SIZE], null));
  }

  @Test
  void bundledEmbeddingModelReadsMiniLmVectors() {
    BlendedModel model = BlendedModel.bundledWithEmbedding();
    assertTrue(model.usesEmbedding());
    assertEquals(384, model.embeddingDimensions());
    assertEquals(384, blended.embeddingDimensions());
    assertFalse(BlendedModel.bundled().usesEmbedding());
  }

  @Test
  void bundledModelLoadsAndMatchesTheFeatureExtractor() {
    BlendedModel model = BlendedModel.bundled();
    assertEquals(SentimentFeatures.NAMES, model.features());
    assertTrue(model.threshold() > 0 && model.threshold() < 1);
    assertTrue(model.provenance().contains("Leave-one-file-out"));
    assertTrue(model.weights()[SentimentFeatures.NAMES.indexOf("compound")] > 0,
        "the model must agree with VADER's direction");
  }

  @Test
  void modelFilesRoundTripThroughJackson() throws Exception {
    BlendedModel original = withEmbedding(new double[] {0.5, -0.25, 0});
    byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(original);
    BlendedModel read = BlendedModel.read(new java.io.ByteArrayInputStream(json));
    assertEquals(original.features(), read.features());
    assertTrue(java.util.Arrays.equals(original.weights(), read.weights()));
    assertTrue(java.util.Arrays.equals(original.embeddingWeights(), read.embeddingWeights()));
    assertEquals(original.threshold(), read.threshold());
    assertEquals(original.bias(), read.bias());
    BlendedModel lexical = BlendedModel.read(new java.io.ByteArrayInputStream(
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(passThrough(0.2))));
    assertFalse(lexical.usesEmbedding());
    assertThrows(java.io.UncheckedIOException.class,
        () -> BlendedModel.read(new java.io.ByteArrayInputStream("{\"bias\":1}".getBytes())));
  }

  @Test
  void aModelForOtherFeaturesIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new BlendedModel(List.of("compound"),
        new double[1], new double[] {1}, new double[] {1}, 0, 0.1, "stale"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "It would be great if exports supported CSV",
      "Please add dark mode, the white screen hurts my eyes at night",
      "I wish there was a way to undo a deleted message, I lost a whole thread yesterday",
      "Could you add an option to mute the annoying notification sound?",
      "Feature request: let us schedule reports, doing it by hand every Monday is painful",
      "You should support SSO, our security team will not approve passwords"})
  void suggestionsAreNeverNegative(String suggestion) {
    Sentiment s = blended.score(suggestion);
    assertNotEquals(Label.NEGATIVE, s.label(), suggestion + " -> " + s);
    assertTrue(s.compound() >= 0, suggestion + " -> " + s);
  }

  @Test
  void suggestionRuleChangesWhatVaderAloneWouldSay() {
    String text = "Please add dark mode, the white screen hurts my eyes at night";
    assertEquals(Label.NEGATIVE, vader.score(text).label(), "VADER calls this request negative");
    assertNotEquals(Label.NEGATIVE, blended.score(text).label());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "The app crashes every time I open it, I want a refund.",
      "Stopped working after a week. Total waste of money.",
      "Please fix this, the export is broken again and nobody answers our tickets",
      "Terrible support, still waiting for a reply after 5 days"})
  void complaintsStayNegative(String complaint) {
    assertEquals(Label.NEGATIVE, blended.score(complaint).label(), complaint);
  }

  @Test
  void complaintVaderMissesIsCaught() {
    String text = "Doesn't work with my router, returned it";
    assertFalse(vader.score(text).label() == Label.NEGATIVE, "no lexicon word carries this complaint");
    assertEquals(Label.NEGATIVE, blended.score(text).label());
  }

  @Test
  void praiseIsPositive() {
    assertEquals(Label.POSITIVE, blended.score("Works great, highly recommend it!").label());
    assertEquals(Label.POSITIVE, blended.score("Love the new dashboard, thank you team :)").label());
  }

  @Test
  void compoundStaysInRangeAndBlankIsNeutral() {
    for (String t : List.of("BEST. PRODUCT. EVER!!!! 😍😍😍 love love love",
        "worst worst worst horrible awful disgusting scam!!!!")) {
      double c = blended.score(t).compound();
      assertTrue(c >= -1 && c <= 1, t + " -> " + c);
    }
    assertEquals(new Sentiment(0.0, Label.NEUTRAL), blended.score("  "));
  }

  @Test
  void theInjectedSentimentScorerIsTheBlendedOne() {
    try (ApplicationContext ctx = ApplicationContext.run()) {
      SentimentScorer scorer = ctx.getBean(SentimentScorer.class);
      assertInstanceOf(BlendedScorer.class, scorer);
      assertTrue(scorer == ctx.getBean(SentimentScorer.class), "a singleton");
    }
  }
}
