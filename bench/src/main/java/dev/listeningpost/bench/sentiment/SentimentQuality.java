package dev.listeningpost.bench.sentiment;

import dev.listeningpost.analyze.sentiment.BlendedModel;
import dev.listeningpost.analyze.sentiment.BlendedScorer;
import dev.listeningpost.analyze.sentiment.SentimentScorer;
import dev.listeningpost.analyze.sentiment.VaderScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Sentiment quality on the human-rated sets of Hutto &amp; Gilbert (2014): for each file, Pearson r
 * of the compound score with the human mean rating, 3-class macro-F1 and accuracy, for VADER and
 * the blended scorer side by side.
 *
 * <p>Human labels: mean &gt;= 0.5 positive, &lt;= -0.5 negative, else neutral (see
 * {@link GroundTruth#humanLabel}). Scorer labels: each scorer's own rule (VADER +-0.05, blended: its
 * model threshold).
 *
 * <p>The shipped blended model was trained on these four files, so its rows here are in-sample; the
 * honest figures are the leave-one-file-out rows printed after them (a model trained on the other
 * three files, scored on the held-out one), which is what {@link TrainBlended} computes.
 *
 * <p>Usage: {@code SentimentQuality [groundTruthDir]} (default /work/shared/data/vader-groundtruth).
 */
public final class SentimentQuality {

  private SentimentQuality() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : GroundTruth.DEFAULT_DIR;
    List<GroundTruth> sets = GroundTruth.loadAll(dir);
    VaderScorer vader = new VaderScorer();
    BlendedScorer blended = new BlendedScorer();
    System.out.println("human label: mean >= 0.5 positive, <= -0.5 negative, else neutral");
    System.out.printf(Locale.ROOT, "VADER labels: compound +-%.2f; blended labels: +-%.3f%n",
        VaderScorer.THRESHOLD, blended.model().threshold());
    System.out.println();
    System.out.println("shipped models (blended: IN-SAMPLE, trained on these files)");
    header();
    for (GroundTruth set : sets) {
      row(set, score(vader, set), score(blended, set), blended.model().threshold());
    }
    System.out.println();
    System.out.println("blended, leave-one-file-out (HELD-OUT: trained on the other three files)");
    header();
    List<TrainBlended.Featurized> data = TrainBlended.featurize(sets);
    for (int k = 0; k < data.size(); k++) {
      List<TrainBlended.Featurized> train = new java.util.ArrayList<>(data);
      TrainBlended.Featurized test = train.remove(k);
      BlendedModel model = TrainBlended.fit(train, false, "leave-one-out");
      row(test.set(), test.vader(), TrainBlended.score(model, null, test), model.threshold());
    }
  }

  private static void header() {
    System.out.printf(Locale.ROOT, "%-22s %6s | %8s %8s %8s | %8s %8s %8s%n", "file", "n",
        "VADER r", "F1", "acc", "blend r", "F1", "acc");
  }

  private static void row(GroundTruth set, double[] vader, double[] blended, double blendedThreshold) {
    int[] truth = Metrics.humanLabels(set.ratings());
    int[] lv = Metrics.labels(vader, VaderScorer.THRESHOLD);
    int[] lb = Metrics.labels(blended, blendedThreshold);
    System.out.printf(Locale.ROOT, "%-22s %6d | %8.3f %8.3f %8.3f | %8.3f %8.3f %8.3f%n",
        set.name(), truth.length,
        Metrics.pearson(vader, set.ratings()), Metrics.macroF1(truth, lv), Metrics.accuracy(truth, lv),
        Metrics.pearson(blended, set.ratings()), Metrics.macroF1(truth, lb), Metrics.accuracy(truth, lb));
  }

  static double[] score(SentimentScorer scorer, GroundTruth set) {
    double[] out = new double[set.texts().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scorer.score(set.texts().get(i)).compound();
    }
    return out;
  }
}
