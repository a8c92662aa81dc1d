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
 * Trains the two blended sentiment models (ridge regression, target = human mean rating / 4):
 * a lexical one over {@link SentimentFeatures}, and one over those features plus the text's
 * all-MiniLM-L6-v2 embedding. Reports leave-one-file-out figures: for each of the four
 * human-rated sets, models trained on the other three are scored on it, so every reported number
 * is on data the model never saw, from another domain. The shipped models are then trained on all
 * four files, each file weighted equally.
 *
 * <p>Usage: {@code TrainBlended [groundTruthDir] [modelOutputDir] [embeddingCacheDir]}; with an
 * output dir it writes blended-model.json and blended-embedding-model.json there.
 */
public final class TrainBlended {

  /** L2 penalty on the standardised lexical weights (sample weights sum to 1). */
  static final double LAMBDA = 0.01;
  /** L2 penalty on the embedding weights: picked from 0.001-0.1 by leave-one-file-out mean r. */
  static final double LAMBDA_EMBEDDING = 0.01;

  private TrainBlended() {
  }

  /** One file turned into feature vectors (embedding rows L2-normalised, or null). */
  record Featurized(GroundTruth set, double[][] x, double[] vader, float[][] embedding) {
  }

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : GroundTruth.DEFAULT_DIR;
    Path out = args.length > 1 ? Path.of(args[1]) : null;
    Path cache = args.length > 2 ? Path.of(args[2]) : SentenceEmbeddings.DEFAULT_CACHE;
    List<GroundTruth> sets = GroundTruth.loadAll(dir);
    List<Featurized> data = featurize(sets, cache);

    StringBuilder heldOutLexical = new StringBuilder();
    StringBuilder heldOutEmbedding = new StringBuilder();
    System.out.println("leave-one-file-out (trained on the other three files, scored on this one)");
    System.out.printf(Locale.ROOT, "%-22s %6s | %-20s | %-20s | %-20s%n", "held-out file", "n",
        "VADER r / F1 / acc", "lexical r / F1 / acc", "+embed r / F1 / acc");
    for (int k = 0; k < data.size(); k++) {
      List<Featurized> train = new ArrayList<>(data);
      Featurized test = train.remove(k);
      BlendedModel lexical = fit(train, false, "leave-one-out");
      BlendedModel withEmbedding = fit(train, true, "leave-one-out");
      double[] rating = test.set().ratings();
      int[] truth = Metrics.humanLabels(rating);
      double[] pl = score(lexical, null, test);
      double[] pe = score(lexical, withEmbedding, test);
      String v = triple(test.vader(), VaderScorer.THRESHOLD, rating, truth);
      String l = triple(pl, lexical.threshold(), rating, truth);
      String e = triple(pe, withEmbedding.threshold(), rating, truth);
      System.out.printf(Locale.ROOT, "%-22s %6d | %-20s | %-20s | %-20s%n", test.set().name(), truth.length, v, l, e);
      heldOutLexical.append(' ').append(test.set().name()).append(" r/F1/acc ").append(l)
          .append(" (VADER ").append(v).append(");");
      heldOutEmbedding.append(' ').append(test.set().name()).append(" r/F1/acc ").append(e)
          .append(" (VADER ").append(v).append(");");
    }

    String common = " target = human mean rating / 4, each file weighted equally, trained on all four files of"
        + " Hutto & Gilbert (2014) ground truth by dev.listeningpost.bench.sentiment.TrainBlended."
        + " Leave-one-file-out held-out:";
    BlendedModel lexical = fit(data, false, "Ridge regression (lambda=" + LAMBDA
        + ") over SentimentFeatures," + common + heldOutLexical);
    BlendedModel withEmbedding = fit(data, true, "Ridge regression (lambda=" + LAMBDA
        + ", embedding lambda=" + LAMBDA_EMBEDDING + ") over SentimentFeatures and the L2-normalised"
        + " all-MiniLM-L6-v2 (int8, langchain4j) sentence embedding," + common + heldOutEmbedding);
    System.out.println();
    System.out.println("final models (all four files): lexical weights | with-embedding lexical weights");
    for (int i = 0; i < SentimentFeatures.SIZE; i++) {
      System.out.printf(Locale.ROOT, "  %-12s %+8.4f | %+8.4f%n", SentimentFeatures.NAMES.get(i),
          lexical.weights()[i], withEmbedding.weights()[i]);
    }
    System.out.printf(Locale.ROOT, "  bias %+8.4f threshold %.3f | bias %+8.4f threshold %.3f%n",
        lexical.bias(), lexical.threshold(), withEmbedding.bias(), withEmbedding.threshold());
    if (out != null) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Files.createDirectories(out);
      Files.writeString(out.resolve("blended-model.json"), json.writeValueAsString(lexical) + "\n");
      Files.writeString(out.resolve("blended-embedding-model.json"), json.writeValueAsString(withEmbedding) + "\n");
      System.out.println("wrote " + out.resolve("blended-model.json") + " and blended-embedding-model.json");
    }
  }

  private static String triple(double[] scores, double threshold, double[] rating, int[] truth) {
    int[] labels = Metrics.labels(scores, threshold);
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", Metrics.pearson(scores, rating),
        Metrics.macroF1(truth, labels), Metrics.accuracy(truth, labels));
  }

  /** Lexical features only (no embeddings). */
  static List<Featurized> featurize(List<GroundTruth> sets) {
    try {
      return featurize(sets, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lexical features, plus embeddings when a cache dir is given. */
  static List<Featurized> featurize(List<GroundTruth> sets, Path embeddingCache) throws IOException {
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
      float[][] e = null;
      if (embeddingCache != null) {
        e = SentenceEmbeddings.of(set, embeddingCache);
        for (float[] row : e) {
          normalise(row);
        }
      }
      out.add(new Featurized(set, x, v, e));
    }
    return out;
  }

  private static void normalise(float[] row) {
    double norm = 0;
    for (float f : row) {
      norm += (double) f * f;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) (row[j] / norm);
      }
    }
  }

  /** Scores a file with the real scorer (including its suggestion rule). */
  static double[] score(BlendedModel lexical, BlendedModel withEmbedding, Featurized f) {
    BlendedScorer scorer = new BlendedScorer(new VaderScorer(), lexical, withEmbedding);
    double[] out = new double[f.x().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = scorer.score(f.set().texts().get(i), withEmbedding == null ? null : f.embedding()[i]).compound();
    }
    return out;
  }

  static BlendedModel fit(List<Featurized> train, boolean useEmbedding, String provenance) {
    int d0 = SentimentFeatures.SIZE;
    int de = useEmbedding ? train.get(0).embedding()[0].length : 0;
    int d = d0 + de;
    double[] mean = new double[d0];
    double yMean = 0;
    for (Featurized f : train) {
      // Sample weights: every file counts the same, whatever its size.
      double w = 1.0 / (f.x().length * train.size());
      for (int i = 0; i < f.x().length; i++) {
        for (int j = 0; j < d0; j++) {
          mean[j] += w * f.x()[i][j];
        }
        yMean += w * f.set().ratings()[i] / 4;
      }
    }
    double[] scale = new double[d0];
    for (Featurized f : train) {
      double w = 1.0 / (f.x().length * train.size());
      for (double[] row : f.x()) {
        for (int j = 0; j < d0; j++) {
          scale[j] += w * (row[j] - mean[j]) * (row[j] - mean[j]);
        }
      }
    }
    for (int j = 0; j < d0; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1.0;
    }
    double[][] a = new double[d][d];
    double[] b = new double[d];
    double[] z = new double[d];
    for (Featurized f : train) {
      double w = 1.0 / (f.x().length * train.size());
      for (int i = 0; i < f.x().length; i++) {
        for (int j = 0; j < d0; j++) {
          z[j] = (f.x()[i][j] - mean[j]) / scale[j];
        }
        for (int j = 0; j < de; j++) {
          z[d0 + j] = f.embedding()[i][j];
        }
        double y = f.set().ratings()[i] / 4 - yMean;
        for (int j = 0; j < d; j++) {
          double wz = w * z[j];
          b[j] += wz * y;
          double[] row = a[j];
          for (int k = 0; k < d; k++) {
            row[k] += wz * z[k];
          }
        }
      }
    }
    for (int j = 0; j < d; j++) {
      a[j][j] += j < d0 ? LAMBDA : LAMBDA_EMBEDDING;
    }
    double[] solution = solve(a, b);
    double[] weights = java.util.Arrays.copyOf(solution, d0);
    double[] embeddingWeights = useEmbedding ? java.util.Arrays.copyOfRange(solution, d0, d) : null;
    // The embedding rows are not centred, so the intercept must absorb their mean contribution.
    double bias = yMean;
    if (useEmbedding) {
      for (Featurized f : train) {
        double w = 1.0 / (f.x().length * train.size());
        for (float[] e : f.embedding()) {
          for (int j = 0; j < de; j++) {
            bias -= w * embeddingWeights[j] * e[j];
          }
        }
      }
    }
    BlendedModel provisional = new BlendedModel(SentimentFeatures.NAMES, mean, scale, weights, bias, 0.1,
        provenance, embeddingWeights);
    double threshold = bestThreshold(provisional, train);
    return new BlendedModel(SentimentFeatures.NAMES, mean, scale, weights, bias, threshold, provenance,
        embeddingWeights);
  }

  /** The label threshold with the best mean macro-F1 over the training files. */
  static double bestThreshold(BlendedModel model, List<Featurized> train) {
    List<double[]> preds = new ArrayList<>();
    for (Featurized f : train) {
      double[] p = new double[f.x().length];
      for (int i = 0; i < p.length; i++) {
        p[i] = model.predict(f.x()[i], model.usesEmbedding() ? f.embedding()[i] : null);
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
        if (f == 0) {
          continue;
        }
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
