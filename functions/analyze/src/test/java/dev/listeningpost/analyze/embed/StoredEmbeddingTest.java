package dev.listeningpost.analyze.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.store.EmbeddingCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The stored (int8) form of the model's real vectors keeps their cosines: what clustering and assignment read. */
class StoredEmbeddingTest {
  private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder(2);
  private static final List<String> TEXTS = List.of(
      "My card payment was declined at the shop", "I can't log in, my password doesn't work",
      "Login fails with my password", "What is the exchange rate for euros?", "The CSV export times out",
      "Export to Excel is broken since the update", "Love the new dark mode!", "Dark mode looks great, thanks",
      "How do I cancel my subscription?", "Please refund my last invoice", "The app crashes when I open settings",
      "Settings page freezes on Android", "Your support team was super helpful", "Waited 3 days for a reply, awful",
      "Can you add an API for webhooks?", "Feature request: Slack integration", "Pricing is too high for small teams",
      "The free tier is generous", "Search results are irrelevant", "Search is slow on large workspaces",
      "Two-factor codes never arrive by SMS", "I was charged twice this month", "Great release, everything is faster",
      "Notifications are delayed by hours", "ok", "why???", "Where can I download my data?",
      "The mobile app logs me out every day", "Onboarding was smooth and quick", "Dashboard charts don't load");

  @AfterAll
  static void close() {
    EMBEDDER.close();
  }

  @Test
  void cosinesOfStoredVectorsMoveByLessThanOneHundredth() {
    List<float[]> exact = EMBEDDER.embedAll(TEXTS);
    List<float[]> stored = new ArrayList<>();
    for (float[] v : exact) {
      byte[] bytes = EmbeddingCodec.encode(v);
      assertEquals(MiniLmEmbedder.DIMENSION + 5, bytes.length);
      stored.add(EmbeddingCodec.decode(bytes));
    }
    double worst = 0;
    int nearestKept = 0;
    for (int i = 0; i < exact.size(); i++) {
      int nearestExact = -1;
      int nearestStored = -1;
      double bestExact = -2;
      double bestStored = -2;
      for (int j = 0; j < exact.size(); j++) {
        double e = dot(exact.get(i), exact.get(j));
        double s = dot(stored.get(i), stored.get(j));
        worst = Math.max(worst, Math.abs(e - s));
        if (j != i && e > bestExact) {
          bestExact = e;
          nearestExact = j;
        }
        if (j != i && s > bestStored) {
          bestStored = s;
          nearestStored = j;
        }
      }
      nearestKept += nearestExact == nearestStored ? 1 : 0;
    }
    assertTrue(worst < 0.01, "max |cos - cos'| over real vectors = " + worst);
    assertEquals(TEXTS.size(), nearestKept, "every text keeps its nearest neighbour");
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
