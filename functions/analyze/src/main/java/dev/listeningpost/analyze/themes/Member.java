package dev.listeningpost.analyze.themes;

import java.time.Instant;

/**
 * One item kept in the bounded sample the nightly job clusters: enough to cluster it, label its
 * theme and quote it.
 *
 * @param themeId the theme it belonged to after the last run (null if none), for stable ids
 */
public record Member(String id, String text, String permalink, Instant createdAt, String themeId, float[] vector) {

  public Member withTheme(String theme) {
    return new Member(id, text, permalink, createdAt, theme, vector);
  }
}
