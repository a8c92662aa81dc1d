package dev.listeningpost.digest.compose;

import java.time.Duration;

/**
 * Limits and thresholds of a digest; defaults and configuration in
 * {@code dev.listeningpost.digest.wiring.DigestProperties.Digest}.
 *
 * @param quotes     latest quotes shown
 * @param replySla   a member's message without a reply after this long counts as unanswered
 * @param listLimit  entries per ranked list (themes, hashtags, advocates, unanswered, what worked)
 */
public record ComposeOptions(int quotes, Duration replySla, int listLimit) {
  public ComposeOptions {
    if (quotes < 0 || listLimit < 0 || replySla == null || replySla.isNegative()) {
      throw new IllegalArgumentException("invalid digest options");
    }
  }
}
