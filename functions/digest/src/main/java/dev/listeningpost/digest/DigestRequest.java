package dev.listeningpost.digest;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/**
 * The scheduled event: {@code {}} reports the last complete week in the configured zone,
 * {@code {"period":"2026-W47"}} a given week (re-runs and backfills).
 *
 * <p>A class with a no-arg constructor and a setter, not a record: the Lambda Java runtime
 * deserializes the handler's input with its own Jackson before Micronaut sees it, and that
 * mapper cannot construct records ("An error occurred during JSON parsing" on every invocation;
 * reproduced by .ci/smoke_invoke.py with AWS's runtime interface client).
 */
@Serdeable
public final class DigestRequest {
  private String period;

  public DigestRequest() {
  }

  public DigestRequest(String period) {
    this.period = period;
  }

  public String period() {
    return period;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DigestRequest other && Objects.equals(period, other.period);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(period);
  }

  @Override
  public String toString() {
    return "DigestRequest[period=" + period + "]";
  }
}
