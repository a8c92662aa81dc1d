package dev.listeningpost.analyze.testing;

import dev.listeningpost.analyze.sentiment.SentimentScorer;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Locale;

/** Test-only scorer (the real one lives in analyze.sentiment): "love" positive, "fix"/"broken" negative. */
@Singleton
@Primary
@Requires(property = "analyze.test-sentiment", value = "true")
public class KeywordSentiment implements SentimentScorer {
  public static final SentimentScorer LAMBDA = text -> {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("love")) {
      return new Sentiment(0.8, Label.POSITIVE);
    }
    if (t.contains("fix") || t.contains("broken")) {
      return new Sentiment(-0.5, Label.NEGATIVE);
    }
    return new Sentiment(0, Label.NEUTRAL);
  };

  @Override
  public Sentiment score(String text) {
    return LAMBDA.score(text);
  }
}
