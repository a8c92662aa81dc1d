package dev.listeningpost.digest;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The scheduled event: {@code {}} checks the last complete window now; {@code {"at":"2026-11-17T11:05:00Z"}}
 * checks the last window complete at that time. The schedule passes its own scheduled time
 * ({@code <aws.scheduler.scheduled-time>}), so the scheduler's retries check the same window.
 *
 * <p>A class with a no-arg constructor and a setter, not a record: the Lambda Java runtime deserializes
 * the input with its own Jackson, which cannot construct records (see {@link DigestRequest}).
 */
@Serdeable
public final class AlertsRequest {
  private String at;

  public AlertsRequest() {
  }

  public AlertsRequest(String at) {
    this.at = at;
  }

  public String at() {
    return at;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  /** The time to check at, or {@code fallback} when none is given. */
  public Instant atOr(Instant fallback) {
    if (at == null || at.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(at.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"at\" is not an ISO-8601 instant such as 2026-11-17T11:05:00Z: " + at);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertsRequest other && Objects.equals(at, other.at);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(at);
  }

  @Override
  public String toString() {
    return "AlertsRequest[at=" + at + "]";
  }
}
