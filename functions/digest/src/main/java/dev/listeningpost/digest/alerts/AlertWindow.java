package dev.listeningpost.digest.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A time window {@code [start, end)} of fixed length, aligned on multiples of its length since the epoch
 * (hours start on the hour in UTC), so every run and retry within the same window names the same one.
 */
public record AlertWindow(Instant start, Instant end) {
  public AlertWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window end " + end + " is not after its start " + start);
    }
  }

  /** The most recent window of {@code length} that has ended at {@code now}. */
  public static AlertWindow lastComplete(Instant now, Duration length) {
    long ms = length.toMillis();
    if (ms < 60_000) {
      throw new IllegalArgumentException("an alert window is at least one minute: " + length);
    }
    Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), ms) * ms);
    return new AlertWindow(end.minus(length), end);
  }

  /** The window of the same length that contains {@code at}. */
  public AlertWindow containing(Instant at) {
    return lastComplete(at.plus(length()), length());
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** The {@code n} windows before this one, as one span {@code [start - n * length, start)}. */
  public AlertWindow before(int n) {
    return new AlertWindow(start.minus(length().multipliedBy(n)), start);
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  /** {@code 2026-11-17T10:00:00Z}: the window's name in alert keys. */
  public String id() {
    return start.toString();
  }
}
