package dev.listeningpost.analyze.testing;

import dev.listeningpost.analyze.themes.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Well-separated synthetic topics: unit vectors around random centres, each with its own words. */
public final class Blobs {
  public static final String[][] WORDS = {
      {"refund", "money back"}, {"password reset", "login"}, {"dark mode", "theme colors"},
      {"invoice", "billing address"}, {"slow sync", "upload speed"}, {"crash", "android app"}};

  /** Varied wording around each topic's words, so messages of one topic are not all one template. */
  private static final String[] OPENERS = {
      "Hi, about the %s again: %s is the problem #%d",
      "Quick question on %s. Is %s supposed to behave like this? (ticket %d)",
      "Since Tuesday my %s fails every time and %s does too, case %d.",
      "Could someone look at %s for me; %s keeps going wrong, ref %d",
      "Third time writing in: %s, plus %s, still broken after update %d!"};

  private final List<float[]> centres = new ArrayList<>();
  private final int dim;

  public Blobs(int topics, int dim, long seed) {
    this.dim = dim;
    Random r = new Random(seed);
    for (int t = 0; t < topics; t++) {
      centres.add(unit(gaussian(r, dim, 1.0)));
    }
  }

  public int topicOf(int i) {
    return i % centres.size();
  }

  /** n members, topic i % topics, ids prefix + i. */
  public List<Member> members(String prefix, int n, long seed) {
    Random r = new Random(seed);
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int t = topicOf(i);
      float[] noise = gaussian(r, dim, 0.6 / Math.sqrt(dim));
      float[] v = new float[dim];
      for (int j = 0; j < dim; j++) {
        v[j] = centres.get(t)[j] + noise[j];
      }
      String[] w = WORDS[t % WORDS.length];
      String text = String.format(OPENERS[i % OPENERS.length], w[0], w[1], i);
      out.add(new Member(prefix + i, text, null, null, null, unit(v)));
    }
    return out;
  }

  private static float[] gaussian(Random r, int dim, double sd) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) (r.nextGaussian() * sd);
    }
    return v;
  }

  public static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }
}
