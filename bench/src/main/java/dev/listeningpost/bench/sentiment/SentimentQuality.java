package dev.listeningpost.bench.sentiment;

import dev.listeningpost.analyze.sentiment.SentimentClassifier;
import dev.listeningpost.analyze.sentiment.VaderScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentiment quality benchmark: 3-class macro-F1, accuracy and per-class F1 of VADER and of the
 * classifier (with the embedding, and its lexical fallback) on five labelled sets, each scored by
 * models trained WITHOUT that set (leave-one-set-out; penalty and class offsets are chosen inside
 * the training sets too, see {@link TrainSentiment}). Scores go through the real
 * {@link SentimentClassifier}, as in production.
 *
 * <p>Human labels: VADER ground truth mean rating &gt;= 0.5 positive, &lt;= -0.5 negative, else
 * neutral; clothing reviews 1-2 stars negative, 3 neutral, 4-5 positive. VADER: compound +-0.05.
 *
 * <p>Usage: {@code SentimentQuality [dataRoot] [embeddingCacheDir]}.
 */
public final class SentimentQuality {

  private SentimentQuality() {
  }

  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : LabelledSet.DEFAULT_ROOT;
    Path cache = args.length > 1 ? Path.of(args[1]) : SentenceEmbeddings.DEFAULT_CACHE;
    leaveOneSetOut(TrainSentiment.featurize(LabelledSet.loadAll(root), cache));
    System.exit(0);
  }

  /** Prints the leave-one-set-out table; returns a one-line summary for model provenance. */
  static String leaveOneSetOut(List<TrainSentiment.Data> data) {
    long t0 = System.nanoTime();
    List<String> rows = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    for (int k = 0; k < data.size(); k++) {
      List<TrainSentiment.Data> train = new ArrayList<>(data);
      TrainSentiment.Data test = train.remove(k);
      System.out.printf("held out %s: training on the other %d sets%n", test.set().name(), train.size());
      TrainSentiment.Trained lexical = TrainSentiment.train(train, false, "  lexical");
      TrainSentiment.Trained embedding = TrainSentiment.train(train, true, "  embedding");
      SentimentClassifier scorer = new SentimentClassifier(new VaderScorer(), lexical.model(), embedding.model());
      int[] truth = test.set().labels();
      int[] vader = Metrics.labels(test.vader(), VaderScorer.THRESHOLD);
      int[] withEmbedding = new int[truth.length];
      int[] lexicalOnly = new int[truth.length];
      for (int i = 0; i < truth.length; i++) {
        String text = test.set().texts().get(i);
        withEmbedding[i] = scorer.predict(text, test.embedding()[i]).label().ordinal() - 1;
        lexicalOnly[i] = scorer.predict(text, null).label().ordinal() - 1;
      }
      String name = String.format(Locale.ROOT, "%-9s %6d %s", test.set().name(), truth.length, distribution(truth));
      rows.add(row(name, "VADER", truth, vader, Metrics.macroF1(truth, vader)));
      rows.add(row(name, "classifier", truth, withEmbedding, Metrics.macroF1(truth, vader)));
      rows.add(row(name, "lexical", truth, lexicalOnly, Metrics.macroF1(truth, vader)));
      summary.append(String.format(Locale.ROOT, " %s %.3f / %.3f (lexical fallback %.3f);", test.set().name(),
          Metrics.macroF1(truth, withEmbedding), Metrics.macroF1(truth, vader), Metrics.macroF1(truth, lexicalOnly)));
    }
    System.out.println();
    System.out.println("leave-one-set-out: each set scored by models trained without it");
    System.out.println("human label: rating >= 0.5 positive, <= -0.5 negative, else neutral (clothing: stars 1-2/3/4-5);"
        + " VADER: compound +-0.05; classifier: arg-max of calibrated probabilities");
    System.out.printf(Locale.ROOT, "%-9s %6s %-17s %-10s | %8s %8s | %6s %6s %6s | %s%n", "set", "n", "neg/neu/pos %",
        "scorer", "macro-F1", "accuracy", "F1 neg", "F1 neu", "F1 pos", "vs VADER");
    rows.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
    return summary.toString().strip();
  }

  private static String row(String name, String scorer, int[] truth, int[] predicted, double vaderF1) {
    double f1 = Metrics.macroF1(truth, predicted);
    return String.format(Locale.ROOT, "%s %-10s | %8.3f %8.3f | %6.3f %6.3f %6.3f | %+.3f", name, scorer, f1,
        Metrics.accuracy(truth, predicted), Metrics.f1(truth, predicted, -1), Metrics.f1(truth, predicted, 0),
        Metrics.f1(truth, predicted, 1), f1 - vaderF1);
  }

  private static String distribution(int[] labels) {
    int[] n = new int[3];
    for (int l : labels) {
      n[l + 1]++;
    }
    return String.format(Locale.ROOT, "%2.0f/%2.0f/%2.0f          ", 100.0 * n[0] / labels.length,
        100.0 * n[1] / labels.length, 100.0 * n[2] / labels.length).substring(0, 17);
  }
}
