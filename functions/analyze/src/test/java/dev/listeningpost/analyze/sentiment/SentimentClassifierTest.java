package dev.listeningpost.analyze.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.sentiment.SentimentClassifier.Prediction;
import dev.listeningpost.analyze.sentiment.SentimentScorer.Label;
import dev.listeningpost.analyze.sentiment.SentimentScorer.Sentiment;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped classifier on feedback it must read right, both as the analyze function runs it
 * (with the text's real all-MiniLM-L6-v2 embedding) and through the lexical fallback.
 */
class SentimentClassifierTest {

  private static final SentimentClassifier CLASSIFIER = new SentimentClassifier();
  private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder(1);
  private static final VaderScorer VADER = new VaderScorer();

  @AfterAll
  static void closeEmbedder() {
    EMBEDDER.close();
  }

  private static Label withEmbedding(String text) {
    return CLASSIFIER.score(text, EMBEDDER.embed(text)).label();
  }

  private static Label lexical(String text) {
    return CLASSIFIER.score(text).label();
  }

  @Test
  void shippedModelsLoadWithTheExpectedShape() {
    SoftmaxModel e = SoftmaxModel.bundledWithEmbedding();
    SoftmaxModel l = SoftmaxModel.bundledLexical();
    assertEquals(SentimentFeatures.NAMES, e.features());
    assertEquals(SentimentFeatures.NAMES, l.features());
    assertEquals(384, e.embeddingDimensions());
    assertEquals(0, l.embeddingDimensions());
    assertEquals(3, e.weights().length);
    for (int c = 0; c < 3; c++) {
      assertEquals(SentimentFeatures.SIZE + 384, e.weights()[c].length);
      assertEquals(SentimentFeatures.SIZE, l.weights()[c].length);
    }
    assertEquals(384, CLASSIFIER.embeddingDimensions());
    assertTrue(e.provenance().contains("leave-one-set-out") || e.provenance().contains("Leave-one-set-out"),
        e.provenance());
    int compound = SentimentFeatures.NAMES.indexOf("compound");
    assertTrue(l.weights()[2][compound] > l.weights()[0][compound], "VADER's compound must point positive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Thanks for keeping me on hold for an hour", "My order arrived today.",
      "Absolutely love it, best purchase this year!", "meh", "The app crashes every time I open it."})
  void probabilitiesSumToOneAndCompoundIsTheirDifference(String text) {
    for (float[] embedding : new float[][] {null, EMBEDDER.embed(text)}) {
      Prediction p = CLASSIFIER.predict(text, embedding);
      assertEquals(1.0, p.negative() + p.neutral() + p.positive(), 1e-9);
      assertTrue(p.negative() > 0 && p.neutral() > 0 && p.positive() > 0);
      assertEquals(p.positive() - p.negative(), p.sentiment().compound(), 1e-12);
      if (!SentimentFeatures.sarcastic(text)) {
        double max = Math.max(p.negative(), Math.max(p.neutral(), p.positive()));
        double[] byLabel = {p.negative(), p.neutral(), p.positive()};
        assertEquals(max, byLabel[p.label().ordinal()], 1e-12, "the label is the most probable class");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks for keeping me on hold for an hour",
      "Great, another delay.",
      "Thank you so much for cancelling my flight without telling me",
      "Please fix this, the export is broken again and nobody answers our tickets",
      "The app crashes every time I open it, I want a refund.",
      "Still waiting for my refund after three weeks"})
  void complaintsAreNegativeEvenWhenPolite(String text) {
    assertEquals(Label.NEGATIVE, withEmbedding(text), text);
    assertEquals(Label.NEGATIVE, lexical(text), text + " (lexical)");
  }

  @Test
  void thanksWrappedComplaintIsWhatVaderGetsWrong() {
    String text = "Thanks for keeping me on hold for an hour";
    assertEquals(Label.POSITIVE, VADER.score(text).label(), "VADER reads the thanks");
    assertTrue(CLASSIFIER.score(text, EMBEDDER.embed(text)).compound() < 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"My order arrived today.", "I changed my delivery address yesterday.",
      "The store opens at 9am on Saturdays."})
  void plainStatementsAreNeutral(String text) {
    assertEquals(Label.NEUTRAL, withEmbedding(text), text);
    assertEquals(Label.NEUTRAL, lexical(text), text + " (lexical)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Absolutely love it, best purchase this year!", "Works great, highly recommend it!",
      "Thanks so much, the agent fixed my problem in five minutes. Brilliant service.",
      "Love the new dashboard, thank you team :)"})
  void praiseIsPositive(String text) {
    assertEquals(Label.POSITIVE, withEmbedding(text), text);
    assertEquals(Label.POSITIVE, lexical(text), text + " (lexical)");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "It would be great if exports supported CSV",
      "Please add dark mode, the white screen hurts my eyes at night",
      "Could you please send me the invoice for my last order?",
      "Could you add an option to mute the annoying notification sound?",
      "Feature request: let us schedule reports, doing it by hand every Monday is painful"})
  void politeRequestsAreNotNegative(String text) {
    assertNotEquals(Label.NEGATIVE, withEmbedding(text), text);
    assertNotEquals(Label.NEGATIVE, lexical(text), text + " (lexical)");
  }

  @Test
  void requestRuleNeverPicksNegativeAndSarcasmIsNegative() {
    double[] mostlyNegative = {0.7, 0.2, 0.1};
    assertEquals(Label.NEGATIVE, SentimentClassifier.label(mostlyNegative, false, false));
    assertEquals(Label.NEUTRAL, SentimentClassifier.label(mostlyNegative, true, false));
    assertEquals(Label.POSITIVE, SentimentClassifier.label(new double[] {0.5, 0.2, 0.3}, true, false));
    assertEquals(Label.NEGATIVE, SentimentClassifier.label(new double[] {0.2, 0.5, 0.3}, false, true));
  }

  @Test
  void withoutAnUsableEmbeddingTheLexicalModelIsUsed() {
    String text = "The book was good.";
    Sentiment lexical = CLASSIFIER.score(text);
    assertEquals(lexical, CLASSIFIER.score(text, null));
    assertEquals(lexical, CLASSIFIER.score(text, new float[5]), "wrong size");
    assertEquals(lexical, CLASSIFIER.score(text, new float[384]), "a blank text's zero vector");
    assertEquals(new Sentiment(0.0, Label.NEUTRAL), CLASSIFIER.score("  "));
  }

  @Test
  void modelsAreCheckedForTheirRole() {
    SoftmaxModel l = SoftmaxModel.bundledLexical();
    SoftmaxModel e = SoftmaxModel.bundledWithEmbedding();
    assertThrows(IllegalArgumentException.class, () -> new SentimentClassifier(VADER, e, e));
    assertThrows(IllegalArgumentException.class, () -> new SentimentClassifier(VADER, l, l));
    assertThrows(IllegalArgumentException.class, () -> e.probabilities(new double[SentimentFeatures.SIZE], null));
    assertThrows(IllegalArgumentException.class, () -> new SoftmaxModel(List.of("compound"), new double[1],
        new double[] {1}, 0, new double[3][1], new double[3], "stale"));
  }

  @Test
  void modelFilesRoundTripThroughJackson() throws Exception {
    SoftmaxModel original = SoftmaxModel.bundledWithEmbedding();
    byte[] json = new ObjectMapper().writeValueAsBytes(original);
    SoftmaxModel read = SoftmaxModel.read(new ByteArrayInputStream(json));
    assertEquals(original.features(), read.features());
    assertArrayEquals(original.bias(), read.bias());
    for (int c = 0; c < 3; c++) {
      assertArrayEquals(original.weights()[c], read.weights()[c]);
    }
    assertThrows(UncheckedIOException.class,
        () -> SoftmaxModel.read(new ByteArrayInputStream("{\"bias\":[1,2,3]}".getBytes())));
  }

  @Test
  void theInjectedSentimentScorerIsTheClassifier() {
    try (ApplicationContext ctx = ApplicationContext.run()) {
      SentimentScorer scorer = ctx.getBean(SentimentScorer.class);
      assertInstanceOf(SentimentClassifier.class, scorer);
      assertTrue(scorer == ctx.getBean(SentimentScorer.class), "a singleton");
    }
  }
}
