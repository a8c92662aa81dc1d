package dev.listeningpost.bench.sentiment;

import dev.listeningpost.analyze.sentiment.SentimentClassifier;
import dev.listeningpost.analyze.sentiment.SentimentScorer;
import dev.listeningpost.analyze.sentiment.VaderScorer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * score() throughput of VADER and of the sentiment classifier over a fixed mix of short feedback texts
 * (one op = one text); the embedding variant is given a precomputed vector. Run: {@code java -jar bench/target/benchmarks.jar SentimentThroughput}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SentimentThroughput {

  private static final List<String> TEXTS = List.of(
      "The app crashes every time I open it, I want a refund.",
      "It would be great if exports supported CSV",
      "Love the new dashboard, thank you team :)",
      "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
      "Please add dark mode, the white screen hurts my eyes at night",
      "Sync stopped working after the last update and support has not replied in three days.",
      "meh",
      "The plot was good, but the characters are uncompelling and the dialog is not great. 😐");

  private final SentimentScorer vader = new VaderScorer();
  private final SentimentClassifier classifier = new SentimentClassifier();
  /** A fixed unit vector: the embedding's cost is the embedder's, measured elsewhere. */
  private final float[] embedding = unitVector();
  private int next;

  private static float[] unitVector() {
    float[] v = new float[384];
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  private String text() {
    String t = TEXTS.get(next);
    next = (next + 1) % TEXTS.size();
    return t;
  }

  @Benchmark
  public SentimentScorer.Sentiment vader() {
    return vader.score(text());
  }

  @Benchmark
  public SentimentScorer.Sentiment classifierLexical() {
    return classifier.score(text());
  }

  @Benchmark
  public SentimentScorer.Sentiment classifierWithEmbedding() {
    return classifier.score(text(), embedding);
  }
}
