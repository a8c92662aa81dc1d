package dev.listeningpost.analyze.themes.store;

import java.time.Instant;

/**
 * Where the nightly job stands: items analysed before {@code watermark} are folded in; the sample
 * lives under {@code generation} in {@code chunks} chunks.
 *
 * @param byAnalysis the watermark is an analysis time (set by every run of the current job).
 *                   False before the first such run (no state, or a state from the version that
 *                   read by creation time): that run also reads the items created since the
 *                   watermark, which may have been analysed before the byAnalyzedDay index existed.
 */
public record JobState(Instant watermark, Instant lastRun, long generation, int chunks, boolean byAnalysis) {
  static final String PK = dev.listeningpost.feedback.store.ThemeTable.JOB_PARTITION;
  static final String SK = dev.listeningpost.feedback.store.ThemeTable.JOB_STATE_SORT;
  public static final JobState INITIAL = new JobState(null, null, 0, 0, false);

  /** Mutable builder used only by the table schema. */
  static final class Builder {
    Instant watermark;
    Instant lastRun;
    long generation;
    int chunks;
    boolean byAnalysis;

    JobState build() {
      return new JobState(watermark, lastRun, generation, chunks, byAnalysis);
    }
  }
}
