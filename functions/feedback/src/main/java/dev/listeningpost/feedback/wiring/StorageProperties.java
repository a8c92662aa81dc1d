package dev.listeningpost.feedback.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Storage settings: the three tables and the DynamoDB endpoint, shared by every function. Micronaut binds
 * one prefix per type and the keys (and so the environment variable names) predate these types, so the
 * area is one record per prefix. A default is declared once, on its component; docs/configuration.md is
 * generated from these declarations.
 */
public final class StorageProperties {
  private StorageProperties() {
  }

  /**
   * The feedback table.
   *
   * @param table         name of the feedback table
   * @param retentionDays days a feedback item is kept before DynamoDB's TTL deletes it; 0 keeps items forever
   */
  @ConfigurationProperties("feedback")
  public record FeedbackTable(@Bindable(defaultValue = "listening-post-feedback") String table,
                              @Bindable(defaultValue = "730") int retentionDays) {
  }

  /**
   * The DynamoDB service.
   *
   * @param endpoint DynamoDB endpoint override: an emulator such as dynoxide or LocalStack (dummy credentials),
   *                 or an AWS endpoint; empty means DynamoDB in the region
   */
  @ConfigurationProperties("dynamodb")
  public record Dynamodb(@Bindable(defaultValue = "") String endpoint) {
  }

  /**
   * The theme table (written by the analyze functions, read by the digest for labels).
   *
   * @param table name of the theme table
   */
  @ConfigurationProperties("theme")
  public record ThemeTable(@Bindable(defaultValue = "listening-post-themes") String table) {
  }

  /**
   * The digest table.
   *
   * @param table name of the digest archive and send log table
   */
  @ConfigurationProperties("digest")
  public record DigestTable(@Bindable(defaultValue = "listening-post-digests") String table) {
  }
}
