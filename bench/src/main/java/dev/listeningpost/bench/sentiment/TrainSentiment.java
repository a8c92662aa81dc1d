package dev.listeningpost.bench.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.listeningpost.analyze.sentiment.SentimentClassifier;
import dev.listeningpost.analyze.sentiment.SentimentFeatures;
import dev.listeningpost.analyze.sentiment.SoftmaxModel;
import dev.listeningpost.analyze.sentiment.VaderScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the sentiment classifier (softmax over {@link SentimentFeatures}, with and without the
 * all-MiniLM-L6-v2 embedding) on labelled sets, and measures it leave-one-set-out.
 *
 * <p>Procedure for one collection of training sets (all of it uses training sets only):
 * <ol>
 *   <li>Sample weights: every set counts the same, and inside a set every class counts the same
 *       (macro-F1 values the rare classes as much as the common one).</li>
 *   <li>For each L2 penalty in {@link #LAMBDAS_EMBEDDING} and each training set s: fit on the other training
 *       sets, predict s (a domain the model has not seen).</li>
 *   <li>Pick the penalty and the two class-prior offsets (added to the negative and neutral
 *       logits) with the best mean macro-F1 over those out-of-set predictions.</li>
 *   <li>Fit on all training sets with that penalty; add the offsets to the intercepts.</li>
 * </ol>
 * The benchmark runs this for each of the five sets held out (so a held-out set never influences
 * its own model, penalty or offsets); the shipped models run it on all five.
 *
 * <p>Usage: {@code TrainSentiment [dataRoot] [modelOutputDir|-] [embeddingCacheDir]}.
 */
public final class TrainSentiment {

  /** L2 penalty on the (standardised) lexical weights: 17 weights per class, 46,000 rows. */
  static final double LAMBDA_LEXICAL = 1e-3;
  /**
   * L2 penalties tried on the embedding weights (inner leave-one-set-out picks one): a strong one
   * keeps the model close to the lexical features, which transfer better across domains.
   */
  static final double[] LAMBDAS_EMBEDDING = {1e-1, 1.0, 10.0};
  static final int MAX_ITERATIONS = 150;
  /** Embedding rows are unit vectors; scaled so their entries are on the lexical features' scale. */
  static final double EMBEDDING_SCALE = Math.sqrt(SentenceEmbeddings.DIMENSIONS);
  static final double OFFSET_RANGE = 2.0;
  static final double OFFSET_STEP = 0.1;

  private TrainSentiment() {
  }

  /** One set turned into features. {@code cls}: 0 negative, 1 neutral, 2 positive. */
  record Data(LabelledSet set, double[][] lexical, float[][] embedding, int[] cls, boolean[] request,
              boolean[] sarcastic, double[] vader) {
    int size() {
      return cls.length;
    }
  }

  /** A trained model plus what training chose. */
  record Trained(SoftmaxModel model, double lambda, double[] offsets, double innerMacroF1) {
  }

  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : LabelledSet.DEFAULT_ROOT;
    Path out = args.length > 1 && !args[1].equals("-") ? Path.of(args[1]) : null;
    Path cache = args.length > 2 ? Path.of(args[2]) : SentenceEmbeddings.DEFAULT_CACHE;
    List<Data> data = featurize(LabelledSet.loadAll(root), cache);
    String heldOut = SentimentQuality.leaveOneSetOut(data);
    if (out != null) {
      writeShipped(data, out, heldOut);
    }
    System.exit(0);
  }

  static void writeShipped(List<Data> data, Path out, String heldOut) throws IOException {
    String common = " Trained by dev.listeningpost.bench.sentiment.TrainSentiment on " + names(data)
        + " (/work/shared/data: VADER ground truth, MIT; clothing reviews, CC0)."
        + " Label rule: mean rating >= 0.5 positive, <= -0.5 negative, else neutral; clothing: 1-2 stars"
        + " negative, 3 neutral, 4-5 positive. Leave-one-set-out macro-F1 (this model / VADER): " + heldOut;
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(out);
    for (boolean embedding : new boolean[] {false, true}) {
      Trained t = train(data, embedding, "");
      String what = embedding ? "Softmax over SentimentFeatures and the L2-normalised all-MiniLM-L6-v2 (int8) embedding"
          : "Softmax over SentimentFeatures (lexical fallback, no embedding)";
      SoftmaxModel m = t.model();
      String provenance = String.format(Locale.ROOT, "%s; L2 lambda lexical " + LAMBDA_LEXICAL
          + ", embedding %s, class offsets neg %+.1f neu %+.1f"
          + " (chosen by inner leave-one-set-out macro-F1 %.3f).", what, t.lambda(), t.offsets()[0], t.offsets()[1],
          t.innerMacroF1()) + common;
      SoftmaxModel shipped = new SoftmaxModel(m.features(), round(m.mean()), round(m.scale()),
          m.embeddingDimensions(), round(m.weights()), round(m.bias()), provenance);
      Path file = out.resolve(embedding ? "classifier-embedding.json" : "classifier-lexical.json");
      Files.writeString(file, json.writeValueAsString(shipped) + "\n");
      System.out.printf(Locale.ROOT, "wrote %s (lambda %s, offsets %+.1f %+.1f)%n", file, t.lambda(),
          t.offsets()[0], t.offsets()[1]);
    }
  }

  static String names(List<Data> data) {
    List<String> names = new ArrayList<>();
    for (Data d : data) {
      names.add(d.set().name() + " (" + d.size() + ")");
    }
    return String.join(", ", names);
  }

  static List<Data> featurize(List<LabelledSet> sets, Path cache) throws IOException {
    VaderScorer vader = new VaderScorer();
    List<Data> out = new ArrayList<>();
    for (LabelledSet set : sets) {
      int n = set.size();
      double[][] x = new double[n][];
      double[] v = new double[n];
      boolean[] request = new boolean[n];
      boolean[] sarcastic = new boolean[n];
      int[] cls = new int[n];
      for (int i = 0; i < n; i++) {
        String text = set.texts().get(i);
        VaderScorer.Analysis a = vader.analyze(text);
        x[i] = SentimentFeatures.extract(text, a);
        v[i] = a.polarity().compound();
        request[i] = SentimentFeatures.isSuggestion(x[i]) && !SentimentFeatures.reportsFailure(text);
        sarcastic[i] = SentimentFeatures.sarcastic(text);
        cls[i] = set.labels()[i] + 1;
      }
      int requests = 0;
      int sarcasms = 0;
      for (int i = 0; i < n; i++) {
        requests += request[i] ? 1 : 0;
        sarcasms += sarcastic[i] ? 1 : 0;
      }
      System.out.printf("%s: %d texts, request rule fires on %d, sarcasm rule on %d%n", set.name(), n, requests,
          sarcasms);
      out.add(new Data(set, x, cache == null ? null : SentenceEmbeddings.of(set, cache), cls, request, sarcastic, v));
    }
    return out;
  }

  /** The full procedure (class comment) on these training sets. */
  static Trained train(List<Data> train, boolean useEmbedding, String indent) {
    double bestScore = -1;
    double[] lambdas = useEmbedding ? LAMBDAS_EMBEDDING : new double[] {LAMBDA_LEXICAL};
    double bestLambda = lambdas[0];
    double[] bestOffsets = {0, 0};
    for (double lambda : lambdas) {
      List<double[][]> logits = new ArrayList<>();
      for (int k = 0; k < train.size(); k++) {
        List<Data> inner = new ArrayList<>(train);
        Data held = inner.remove(k);
        logits.add(logits(fit(inner, useEmbedding, lambda), held));
      }
      double[] offsets = bestOffsets(train, logits);
      double score = meanMacroF1(train, logits, offsets);
      System.out.printf(Locale.ROOT, "%s  embedding lambda %.0e: inner out-of-set mean macro-F1 %.3f (offsets %+.1f %+.1f)%n",
          indent, lambda, score, offsets[0], offsets[1]);
      if (score > bestScore) {
        bestScore = score;
        bestLambda = lambda;
        bestOffsets = offsets;
      }
    }
    SoftmaxModel m = fit(train, useEmbedding, bestLambda);
    double[] bias = m.bias().clone();
    bias[0] += bestOffsets[0];
    bias[1] += bestOffsets[1];
    SoftmaxModel calibrated = new SoftmaxModel(m.features(), m.mean(), m.scale(), m.embeddingDimensions(),
        m.weights(), bias, m.provenance());
    return new Trained(calibrated, bestLambda, bestOffsets, bestScore);
  }

  /** Uncalibrated fit: standardise, weight, L-BFGS; {@code lambda} is the embedding penalty. */
  static SoftmaxModel fit(List<Data> train, boolean useEmbedding, double lambda) {
    int f = SentimentFeatures.SIZE;
    int e = useEmbedding ? SentenceEmbeddings.DIMENSIONS : 0;
    int n = 0;
    for (Data d : train) {
      n += d.size();
    }
    double[] mean = new double[f];
    double[] scale = new double[f];
    for (Data d : train) {
      for (double[] row : d.lexical()) {
        for (int j = 0; j < f; j++) {
          mean[j] += row[j] / n;
        }
      }
    }
    for (Data d : train) {
      for (double[] row : d.lexical()) {
        for (int j = 0; j < f; j++) {
          scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
        }
      }
    }
    for (int j = 0; j < f; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1.0;
    }
    float[][] x = new float[n][];
    int[] y = new int[n];
    double[] w = new double[n];
    int r = 0;
    for (Data d : train) {
      int[] perClass = new int[3];
      for (int c : d.cls()) {
        perClass[c]++;
      }
      int present = 0;
      for (int c : perClass) {
        present += c > 0 ? 1 : 0;
      }
      for (int i = 0; i < d.size(); i++, r++) {
        float[] row = new float[f + e];
        for (int j = 0; j < f; j++) {
          row[j] = (float) ((d.lexical()[i][j] - mean[j]) / scale[j]);
        }
        for (int j = 0; j < e; j++) {
          row[f + j] = (float) (d.embedding()[i][j] * EMBEDDING_SCALE);
        }
        x[r] = row;
        y[r] = d.cls()[i];
        w[r] = 1.0 / (train.size() * present * perClass[y[r]]);
      }
    }
    double[] penalty = new double[f + e];
    java.util.Arrays.fill(penalty, 0, f, LAMBDA_LEXICAL);
    java.util.Arrays.fill(penalty, f, f + e, lambda);
    Softmax.Fit fit = Softmax.fit(x, y, w, penalty, MAX_ITERATIONS);
    double[][] weights = fit.weights();
    for (double[] row : weights) {
      for (int j = f; j < f + e; j++) {
        row[j] *= EMBEDDING_SCALE;
      }
    }
    return new SoftmaxModel(SentimentFeatures.NAMES, mean, scale, e, weights, fit.bias(), "fit");
  }

  /** Uncalibrated logits of every row of a set (log-probabilities up to a per-row constant). */
  static double[][] logits(SoftmaxModel m, Data d) {
    double[][] out = new double[d.size()][];
    for (int i = 0; i < d.size(); i++) {
      double[] p = m.probabilities(d.lexical()[i], m.usesEmbedding() ? d.embedding()[i] : null);
      out[i] = new double[] {Math.log(p[0]), Math.log(p[1]), Math.log(p[2])};
    }
    return out;
  }

  static double[] bestOffsets(List<Data> sets, List<double[][]> logits) {
    double best = -1;
    double[] bestOffsets = {0, 0};
    int steps = (int) Math.round(OFFSET_RANGE / OFFSET_STEP);
    // Scan from 0 outwards so ties keep the smallest adjustment.
    for (int a = 0; a <= 2 * steps; a++) {
      for (int b = 0; b <= 2 * steps; b++) {
        double[] o = {zigzag(a) * OFFSET_STEP, zigzag(b) * OFFSET_STEP};
        double score = meanMacroF1(sets, logits, o);
        if (score > best + 1e-9) {
          best = score;
          bestOffsets = o;
        }
      }
    }
    return bestOffsets;
  }

  private static int zigzag(int k) {
    return (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2);
  }

  static double meanMacroF1(List<Data> sets, List<double[][]> logits, double[] offsets) {
    double sum = 0;
    for (int k = 0; k < sets.size(); k++) {
      Data d = sets.get(k);
      int[] predicted = labels(logits.get(k), d, offsets);
      sum += Metrics.macroF1(Metrics.toLabels(d.cls()), predicted);
    }
    return sum / sets.size();
  }

  /** Labels (-1, 0, 1) with the offsets and the scorer's request and sarcasm rules. */
  static int[] labels(double[][] logits, Data d, double[] offsets) {
    int[] out = new int[logits.length];
    double[] l = new double[3];
    for (int i = 0; i < logits.length; i++) {
      l[0] = logits[i][0] + offsets[0];
      l[1] = logits[i][1] + offsets[1];
      l[2] = logits[i][2];
      out[i] = SentimentClassifier.label(l, d.request()[i], d.sarcastic()[i]).ordinal() - 1;
    }
    return out;
  }

  private static double[] round(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.round(v[i] * 1e6) / 1e6;
    }
    return out;
  }

  private static double[][] round(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = round(m[i]);
    }
    return out;
  }
}
