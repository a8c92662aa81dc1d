package dev.listeningpost.bench.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.listeningpost.analyze.sentiment.BlendedModel;
import dev.listeningpost.analyze.sentiment.BlendedScorer;
import dev.listeningpost.analyze.sentiment.SentimentFeatures;
import dev.listeningpost.analyze.sentiment.VaderScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the blended sentiment model (ridge regression over {@link SentimentFeatures}, target =
 * human mean rating / 4) and reports leave-one-file-out figures: for each of the four human-rated
 * sets, a model trained on the other three is scored on it, so every reported number is on data
 * the model never saw, from a different domain. The shipped model is then trained on all four.
 *
 * <p>Usage: {@code TrainBlended [groundTruthDir] [outputModelJson]}.
 */
public final class TrainBlended {

  /** L2 penalty on standardised weights (sample weights sum to 1). */
  static final double LAMBDA = 0.01;

  private TrainBlended() {
  }

  /** One file turned into feature vectors. */
  record Featurized(GroundTruth set, double[][] x, double[] vader) {
  }

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : GroundTruth.DEFAULT_DIR;
    Path out = args.length > 1 ? Path.of(args[1]) : null;
    List<Featurized> data = featurize(GroundTruth.loadAll(dir));

    StringBuilder heldOut = new StringBuilder();
    System.out.println("leave-one-file-out (trained on the other three files, scored on this one)");
    System.out.printf(Locale.ROOT, "%-22s %6s | %8s %8s %8s | %8s %8s %8s%n", "held-out file", "n",
        "vader r", "F1", "acc", "blend r", "F1", "acc");
    for (int k = 0; k < data.size(); k++) {
      List<Featurized> train = new ArrayList<>(data);
      Featurized test = train.remove(k);
      BlendedModel model = fit(train, "leave-one-out");
      double[] blended = score(model, test.set());
      int[] truth = Metrics.humanLabels(test.set().ratings());
      double rv = Metrics.pearson(test.vader(), test.set().ratings());
      double rb = Metrics.pearson(blended, test.set().ratings());
      int[] lv = Metrics.labels(test.vader(), VaderScorer.THRESHOLD);
      int[] lb = Metrics.labels(blended, model.threshold());
      System.out.printf(Locale.ROOT, "%-22s %6d | %8.3f %8.3f %8.3f | %8.3f %8.3f %8.3f%n",
          test.set().name(), truth.length, rv, Metrics.macroF1(truth, lv), Metrics.accuracy(truth, lv),
          rb, Metrics.macroF1(truth, lb), Metrics.accuracy(truth, lb));
      heldOut.append(String.format(Locale.ROOT, " %s r=%.3f (VADER %.3f) macroF1=%.3f (VADER %.3f);",
          test.set().name(), rb, rv, Metrics.macroF1(truth, lb), Metrics.macroF1(truth, lv)));
    }

    String provenance = "Ridge regression (lambda=" + LAMBDA + ") over SentimentFeatures, target = human"
        + " mean rating / 4, each file weighted equally, trained on all four files of Hutto & Gilbert"
        + " (2014) ground truth by dev.listeningpost.bench.sentiment.TrainBlended. Leave-one-file-out"
        + " held-out:" + heldOut;
    BlendedModel model = fit(data, provenance);
    System.out.println();
    System.out.println("final model (all four files):");
    for (int i = 0; i < SentimentFeatures.SIZE; i++) {
      System.out.printf(Locale.ROOT, "  %-12s %+8.4f%n", SentimentFeatures.NAMES.get(i), model.weights()[i]);
    }
    System.out.printf(Locale.ROOT, "  bias %+8.4f threshold %.3f%n", model.bias(), model.threshold());
    if (out != null) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Files.writeString(out, json.writeValueAsString(model) + "\n");
      System.out.println("wrote " + out);
    }
  }

  static List<Featurized> featurize(List<GroundTruth> sets) {
    VaderScorer vader = new VaderScorer();
    List<Featurized> out = new ArrayList<>();
    for (GroundTruth set : sets) {
      int n = set.texts().size();
      double[][] x = new double[n][];
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        VaderScorer.Analysis a = vader.analyze(set.texts().get(i));
        x[i] = SentimentFeatures.extract(set.texts().get(i), a);
        v[i] = a.polarity().compound();
      }
      out.add(new Featurized(set, x, v));
    }
    return out;
  }

  /** Scores a file with the real scorer (including its suggestion rule) under the given model. */
  static double[] score(BlendedModel model, GroundTruth set) {
    BlendedScorer scorer = new BlendedScorer(new VaderScorer(), model);
    double[] out = new double[set.texts().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scorer.score(set.texts().get(i)).compound();
    }
    return out;
  }

  static BlendedModel fit(List<Featurized> train, String provenance) {
    int d = SentimentFeatures.SIZE;
    // Sample weights: every file counts the same, whatever its size.
    double[] mean = new double[d];
    double yMean = 0;
    for (Featurized f : train) {
      double w = 1.0 / (f.x().length * train.size());
      for (int i = 0; i < f.x().length; i++) {
        for (int j = 0; j < d; j++) {
          mean[j] += w * f.x()[i][j];
        }
        yMean += w * f.set().ratings()[i] / 4;
      }
    }
    double[] scale = new double[d];
    for (Featurized f : train) {
      double w = 1.0 / (f.x().length * train.size());
      for (double[] row : f.x()) {
        for (int j = 0; j < d; j++) {
          scale[j] += w * (row[j] - mean[j]) * (row[j] - mean[j]);
        }
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1.0;
    }
    double[][] a = new double[d][d];
    double[] b = new double[d];
    for (Featurized f : train) {
      double w = 1.0 / (f.x().length * train.size());
      for (int i = 0; i < f.x().length; i++) {
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
          z[j] = (f.x()[i][j] - mean[j]) / scale[j];
        }
        double y = f.set().ratings()[i] / 4 - yMean;
        for (int j = 0; j < d; j++) {
          b[j] += w * z[j] * y;
          for (int k = 0; k < d; k++) {
            a[j][k] += w * z[j] * z[k];
          }
        }
      }
    }
    for (int j = 0; j < d; j++) {
      a[j][j] += LAMBDA;
    }
    double[] weights = solve(a, b);
    BlendedModel provisional = new BlendedModel(SentimentFeatures.NAMES, mean, scale, weights, yMean, 0.1,
        provenance);
    double threshold = bestThreshold(provisional, train);
    return new BlendedModel(SentimentFeatures.NAMES, mean, scale, weights, yMean, threshold, provenance);
  }

  /** The label threshold with the best mean macro-F1 over the training files. */
  static double bestThreshold(BlendedModel model, List<Featurized> train) {
    List<double[]> preds = new ArrayList<>();
    for (Featurized f : train) {
      double[] p = new double[f.x().length];
      for (int i = 0; i < p.length; i++) {
        p[i] = model.predict(f.x()[i]);
      }
      preds.add(p);
    }
    double best = 0.1;
    double bestF1 = -1;
    for (int step = 2; step <= 40; step++) {
      double t = step / 100.0;
      double f1 = 0;
      for (int k = 0; k < train.size(); k++) {
        f1 += Metrics.macroF1(Metrics.humanLabels(train.get(k).set().ratings()), Metrics.labels(preds.get(k), t));
      }
      if (f1 > bestF1) {
        bestF1 = f1;
        best = t;
      }
    }
    return best;
  }

  /** Gaussian elimination with partial pivoting (the system is small and positive definite). */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    double[] r = b.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int i = c + 1; i < n; i++) {
        if (Math.abs(m[i][c]) > Math.abs(m[p][c])) {
          p = i;
        }
      }
      double[] tmp = m[c];
      m[c] = m[p];
      m[p] = tmp;
      double t = r[c];
      r[c] = r[p];
      r[p] = t;
      for (int i = c + 1; i < n; i++) {
        double f = m[i][c] / m[c][c];
        r[i] -= f * r[c];
        for (int k = c; k < n; k++) {
          m[i][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = r[i];
      for (int k = i + 1; k < n; k++) {
        s -= m[i][k] * x[k];
      }
      x[i] = s / m[i][i];
    }
    return x;
  }
}
