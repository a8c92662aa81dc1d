package dev.listeningpost.bench.sentiment;

import dev.listeningpost.analyze.sentiment.BlendedModel;
import dev.listeningpost.analyze.sentiment.BlendedScorer;
import dev.listeningpost.analyze.sentiment.VaderScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentiment quality on the human-rated sets of Hutto &amp; Gilbert (2014): for each file, Pearson r
 * of the compound score with the human mean rating, 3-class macro-F1 and accuracy, for VADER and
 * the blended scorer (lexical, and with the sentence embedding) side by side.
 *
 * <p>Human labels: mean &gt;= 0.5 positive, &lt;= -0.5 negative, else neutral (see
 * {@link GroundTruth#humanLabel}). Scorer labels: each scorer's own rule (VADER +-0.05, blended:
 * its model's threshold).
 *
 * <p>The shipped blended models were trained on these four files, so those rows are in-sample; the
 * honest figures are the leave-one-file-out rows (models trained on the other three files, scored
 * on the held-out one).
 *
 * <p>Usage: {@code SentimentQuality [groundTruthDir] [embeddingCacheDir]}.
 */
public final class SentimentQuality {

  private SentimentQuality() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : GroundTruth.DEFAULT_DIR;
    Path cache = args.length > 1 ? Path.of(args[1]) : SentenceEmbeddings.DEFAULT_CACHE;
    List<TrainBlended.Featurized> data = TrainBlended.featurize(GroundTruth.loadAll(dir), cache);
    BlendedScorer shipped = new BlendedScorer();
    System.out.println("human label: mean >= 0.5 positive, <= -0.5 negative, else neutral");
    System.out.printf(Locale.ROOT, "labels: VADER +-%.2f, blended lexical +-%.3f, blended+embedding +-%.3f%n",
        VaderScorer.THRESHOLD, shipped.model().threshold(), shipped.embeddingModel().threshold());
    System.out.println();
    System.out.println("shipped models (blended rows are IN-SAMPLE: trained on these four files)");
    header();
    for (TrainBlended.Featurized f : data) {
      row(f, TrainBlended.score(shipped.model(), null, f), shipped.model().threshold(),
          TrainBlended.score(shipped.model(), shipped.embeddingModel(), f), shipped.embeddingModel().threshold());
    }
    System.out.println();
    System.out.println("leave-one-file-out (HELD-OUT: blended models trained on the other three files)");
    header();
    for (int k = 0; k < data.size(); k++) {
      List<TrainBlended.Featurized> train = new ArrayList<>(data);
      TrainBlended.Featurized test = train.remove(k);
      BlendedModel lexical = TrainBlended.fit(train, false, "leave-one-out");
      BlendedModel withEmbedding = TrainBlended.fit(train, true, "leave-one-out");
      row(test, TrainBlended.score(lexical, null, test), lexical.threshold(),
          TrainBlended.score(lexical, withEmbedding, test), withEmbedding.threshold());
    }
  }

  private static void header() {
    System.out.printf(Locale.ROOT, "%-22s %6s | %-21s | %-21s | %-21s%n", "file", "n",
        "VADER r / F1 / acc", "blended r / F1 / acc", "+embedding r / F1 / acc");
  }

  private static void row(TrainBlended.Featurized f, double[] lexical, double lexicalThreshold,
                          double[] embedding, double embeddingThreshold) {
    double[] rating = f.set().ratings();
    int[] truth = Metrics.humanLabels(rating);
    System.out.printf(Locale.ROOT, "%-22s %6d | %-21s | %-21s | %-21s%n", f.set().name(), truth.length,
        triple(f.vader(), VaderScorer.THRESHOLD, rating, truth), triple(lexical, lexicalThreshold, rating, truth),
        triple(embedding, embeddingThreshold, rating, truth));
  }

  private static String triple(double[] scores, double threshold, double[] rating, int[] truth) {
    int[] labels = Metrics.labels(scores, threshold);
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", Metrics.pearson(scores, rating),
        Metrics.macroF1(truth, labels), Metrics.accuracy(truth, labels));
  }
}
