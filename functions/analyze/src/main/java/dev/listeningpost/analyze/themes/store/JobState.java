package dev.listeningpost.analyze.themes.store;

import java.time.Instant;

/**
 * Where the nightly job stands: items analysed before {@code watermark} are folded in; the sample
 * lives under {@code generation} in {@code chunks} chunks.
 */
public record JobState(Instant watermark, Instant lastRun, long generation, int chunks) {
  static final String PK = "job";
  static final String SK = "state";
  public static final JobState INITIAL = new JobState(null, null, 0, 0);

  /** Mutable builder used only by the table schema. */
  static final class Builder {
    Instant watermark;
    Instant lastRun;
    long generation;
    int chunks;

    JobState build() {
      return new JobState(watermark, lastRun, generation, chunks);
    }
  }
}
