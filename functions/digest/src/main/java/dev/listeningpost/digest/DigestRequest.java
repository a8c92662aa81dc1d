package dev.listeningpost.digest;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The scheduled event: {@code {}} reports the last complete week in the configured zone,
 * {@code {"period":"2026-W47"}} a given week (re-runs and backfills).
 */
@Serdeable
public record DigestRequest(String period) {
}
