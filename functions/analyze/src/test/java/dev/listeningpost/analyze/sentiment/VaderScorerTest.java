package dev.listeningpost.analyze.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.sentiment.SentimentScorer.Label;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VaderScorerTest {

  private final VaderScorer vader = new VaderScorer();

  /** Sentences and compound scores printed by the reference implementation (cjhutto/vaderSentiment README). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      VADER is smart, handsome, and funny.                     |  0.8316
      VADER is smart, handsome, and funny!                     |  0.8439
      VADER is very smart, handsome, and funny.                |  0.8545
      VADER is VERY SMART, handsome, and FUNNY.                |  0.9227
      VADER is VERY SMART, handsome, and FUNNY!!!              |  0.9342
      VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!! |  0.9469
      VADER is not smart, handsome, nor funny.                 | -0.7424
      The book was good.                                       |  0.4404
      At least it isn't a horrible book.                       |  0.431
      The book was only kind of good.                          |  0.3832
      The plot was good, but the characters are uncompelling and the dialog is not great. | -0.7042
      Today SUX!                                               | -0.5461
      Today only kinda sux! But I'll get by, lol               |  0.5249
      Make sure you :) or :D today!                            |  0.8633
      Catch utf-8 emoji such as such as 💘 and 💋 and 😁       |  0.875
      Not bad at all                                           |  0.431
      Sentiment analysis has never been good.                  | -0.3412
      Sentiment analysis has never been this good!             |  0.5672
      Most automated sentiment analysis tools are shit.        | -0.5574
      With VADER, sentiment analysis is the shit!              |  0.6476
      Other sentiment analysis tools can be quite bad.         | -0.5849
      On the other hand, VADER is quite bad ass!               |  0.8172
      Roger Dodger is one of the most compelling variations on this theme.  |  0.2944
      Roger Dodger is one of the least compelling variations on this theme. | -0.1695
      """)
  void reproducesReferenceCompoundScores(String sentence, double expected) {
    assertEquals(expected, round4(vader.polarityScores(sentence).compound()), 1e-9, sentence);
  }

  @Test
  void reproducesReferenceProportions() {
    VaderScorer.Polarity p = vader.polarityScores("VADER is not smart, handsome, nor funny.");
    assertEquals(0.646, round3(p.neg()), 1e-9);
    assertEquals(0.354, round3(p.neu()), 1e-9);
    assertEquals(0.0, p.pos(), 1e-9);
    VaderScorer.Polarity sux = vader.polarityScores("Today SUX!");
    assertEquals(0.779, round3(sux.neg()), 1e-9);
    assertEquals(0.221, round3(sux.neu()), 1e-9);
  }

  @Test
  void negationFlipsAndDampensValence() {
    double good = vader.polarityScores("The service was good").compound();
    double notGood = vader.polarityScores("The service was not good").compound();
    double contracted = vader.polarityScores("The service wasn't good").compound();
    double noApostrophe = vader.polarityScores("The service wasnt good").compound();
    assertTrue(good > 0 && notGood < 0, good + " / " + notGood);
    assertEquals(notGood, contracted, 1e-12, "n't negates like not");
    assertEquals(notGood, noApostrophe, 1e-12, "wasnt is in the negation list");
    // good = 1.9, negated x -0.74
    assertEquals(round4(VaderScorer.normalize(1.9 * -0.74)), round4(notGood), 1e-9);
  }

  @Test
  void negationReachesThreeWordsBack() {
    assertTrue(vader.polarityScores("It is not really that good").compound() < 0);
    assertTrue(vader.polarityScores("Not at all a very nice day").compound() > 0,
        "four words back is out of reach, as in the reference");
  }

  @Test
  void capitalsEmphasiseOnlyWhenOtherWordsAreNotCapitalised() {
    double plain = vader.polarityScores("this is great").compound();
    double shouted = vader.polarityScores("this is GREAT").compound();
    double allShouted = vader.polarityScores("THIS IS GREAT").compound();
    assertTrue(shouted > plain);
    assertEquals(plain, allShouted, 1e-12, "all caps is no differential emphasis");
  }

  @Test
  void exclamationAndQuestionMarksAmplify() {
    double plain = vader.polarityScores("this is great").compound();
    double one = vader.polarityScores("this is great!").compound();
    double four = vader.polarityScores("this is great!!!!").compound();
    double six = vader.polarityScores("this is great!!!!!!").compound();
    double questions = vader.polarityScores("this is great??").compound();
    assertTrue(plain < one && one < four);
    assertEquals(four, six, 1e-12, "at most four exclamation marks count");
    assertEquals(round4(VaderScorer.normalize(3.1 + 2 * 0.18)), round4(questions), 1e-9);
    assertEquals(plain, vader.polarityScores("this is great?").compound(), 1e-12, "one ? adds nothing");
  }

  @Test
  void butShiftsWeightToTheSecondClause() {
    double mixed = vader.polarityScores("The food was great but the service was bad").compound();
    // great 3.1 * 0.5 + bad -2.5 * 1.5 = -2.2
    assertEquals(round4(VaderScorer.normalize(3.1 * 0.5 - 2.5 * 1.5)), round4(mixed), 1e-9);
    assertTrue(vader.polarityScores("The food was great and the service was bad").compound() > 0);
  }

  @Test
  void emojiAreTranslatedToWords() {
    double emoji = vader.polarityScores("I got the new phone 😁").compound();
    double words = vader.polarityScores("I got the new phone beaming face with smiling eyes").compound();
    assertTrue(emoji > 0);
    assertEquals(words, emoji, 1e-12);
    assertTrue(vader.polarityScores("delivery took three weeks 😠").compound() < 0);
  }

  @Test
  void boostersAndDampeners() {
    double good = vader.polarityScores("The book was good.").compound();
    assertTrue(vader.polarityScores("The book was extremely good.").compound() > good);
    assertTrue(vader.polarityScores("The book was barely good.").compound() < good);
    assertTrue(vader.polarityScores("The book was sort of good.").compound() < good);
  }

  @Test
  void labelsUseVadersThresholds() {
    assertEquals(Label.POSITIVE, VaderScorer.sentiment(0.05).label());
    assertEquals(Label.NEUTRAL, VaderScorer.sentiment(0.0499).label());
    assertEquals(Label.NEUTRAL, VaderScorer.sentiment(-0.0499).label());
    assertEquals(Label.NEGATIVE, VaderScorer.sentiment(-0.05).label());
    assertEquals(Label.POSITIVE, vader.score("The book was good.").label());
    assertEquals(Label.NEGATIVE, vader.score("Today SUX!").label());
    assertEquals(Label.NEUTRAL, vader.score("The invoice is attached.").label());
  }

  @Test
  void emptyAndBlankTextAreNeutralZero() {
    assertEquals(0.0, vader.score("").compound());
    assertEquals(0.0, vader.score("   ").compound());
    assertEquals(0.0, vader.score(null).compound());
  }

  @Test
  void concurrentScoringGivesTheSameResults() {
    List<String> texts = List.of("VADER is smart, handsome, and funny.", "Today SUX!",
        "Not bad at all", "The plot was good, but the characters are uncompelling.");
    List<Double> sequential = texts.stream().map(t -> vader.score(t).compound()).collect(Collectors.toList());
    for (int round = 0; round < 50; round++) {
      List<Double> parallel = texts.parallelStream().map(t -> new VaderScorer().score(t).compound())
          .collect(Collectors.toList());
      assertEquals(sequential, parallel);
    }
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static double round3(double v) {
    return Math.round(v * 1_000) / 1_000.0;
  }
}
