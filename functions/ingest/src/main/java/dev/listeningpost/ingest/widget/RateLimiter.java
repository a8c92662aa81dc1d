package dev.listeningpost.ingest.widget;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key, in memory. In Lambda each warm instance keeps its own buckets, so the
 * effective limit is per instance (documented in docs/channels.md); it stops a runaway page or a
 * copied key from flooding the table, it is not a quota.
 */
public final class RateLimiter {
  private static final int MAX_KEYS = 10_000;
  private final double perSecond;
  private final int burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    private double tokens;
    private Instant updated;

    Bucket(double tokens, Instant updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }

  public RateLimiter(int perMinute, int burst) {
    this.perSecond = perMinute / 60.0;
    this.burst = burst;
  }

  /** Takes one token for {@code key}; returns zero when allowed, else how long until a token is free. */
  public Duration acquire(String key, Instant now) {
    if (buckets.size() > MAX_KEYS) {
      buckets.clear(); // bounded memory; forgetting buckets only ever lets requests through
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (b) {
      double elapsed = Math.max(0, Duration.between(b.updated, now).toNanos() / 1e9);
      b.tokens = Math.min(burst, b.tokens + elapsed * perSecond);
      if (now.isAfter(b.updated)) {
        b.updated = now;
      }
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return Duration.ZERO;
      }
      double wait = (1 - b.tokens) / perSecond;
      return Duration.ofMillis((long) Math.ceil(wait * 1000));
    }
  }
}
