package dev.listeningpost.digest.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the alert job needs from configuration ({@code AlertsProperties}).
 *
 * @param window          length of the window checked each run (the last complete one)
 * @param baselineWindows windows before it that form the baseline
 * @param maxPerHour      alerts sent per clock hour at most; the rest are recorded as suppressed
 * @param sender          From address (the digest's)
 * @param recipients      who gets the alert emails
 */
public record AlertSettings(Duration window, int baselineWindows, int maxPerHour, String sender, List<String> recipients) {
  public AlertSettings {
    Objects.requireNonNull(window, "window");
    if (baselineWindows < 1 || maxPerHour < 0) {
      throw new IllegalArgumentException("baselineWindows >= 1 and maxPerHour >= 0");
    }
    sender = sender == null ? "" : sender.strip();
    recipients = List.copyOf(recipients);
  }
}
