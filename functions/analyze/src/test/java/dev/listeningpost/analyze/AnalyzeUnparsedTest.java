package dev.listeningpost.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.feedback.Feedback;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A delivery kept unparsed (status UNPARSED) is never analysed as feedback. */
class AnalyzeUnparsedTest {

  /** Fails the test if anything is embedded. */
  private static final Embedder NEVER = new Embedder() {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embed(String text) {
      throw new AssertionError("an unparsed item was embedded");
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      throw new AssertionError("an unparsed item was embedded");
    }
  };

  @Test
  void anUnparsedItemIsSkipped() {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    Feedback unparsed = Feedback.builder().id("slack_unparsed").channel("slack").text("raw text that is not feedback yet")
        .createdAt(now).receivedAt(now).status(Feedback.Status.UNPARSED).build();
    AnalyzeService service = new AnalyzeService(null, text -> {
      throw new AssertionError("an unparsed item was scored");
    }, NEVER, null, Clock.systemUTC(), 1);

    assertEquals(AnalyzeService.Status.UNPARSED, service.process(List.of(unparsed)).get(0).status());
  }
}
