package dev.listeningpost.digest.wiring;

import dev.listeningpost.digest.alerts.AlertSettings;
import dev.listeningpost.digest.alerts.KeyAccounts;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.wiring.ConfigDefaults;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Alerts between digests (docs/digest.md, "Alerts"): what raises one, who gets it, how many per hour. The
 * From address is the digest's; the tables are storage settings. One record per property prefix (Micronaut
 * binds one prefix per type); a default is declared once, on its component, and docs/configuration.md is
 * generated from these declarations.
 */
public final class AlertsProperties {
  private AlertsProperties() {
  }

  /**
   * Alerts.
   *
   * @param recipients      comma-separated addresses of the alert emails; empty = the digest's recipients
   * @param keyAccounts     accounts whose every message alerts: comma-separated {@code channel[/source]:value}
   *                        entries, a value being a user id, a handle or {@code @domain}; channel {@code *} is every
   *                        channel (the syntax of {@code ingest.staff})
   * @param topicArn        SNS topic each alert is published to, for chat workflows; empty = no SNS
   * @param outboxDir       also write each SNS message as .json into this directory (the local stack); empty = none
   * @param window          length of the window checked by each run; run the job once per window
   * @param baselineWindows windows before it whose pooled shares are the baseline of the spike and theme tests
   * @param maxPerHour      alerts sent per clock hour at most; the others are recorded as suppressed, never sent
   * @param alpha           significance level of the spike and theme tests (false discovery rate over themes)
   * @param minRatio        a spike or a rising theme holds at least this many times its baseline share
   * @param minVolume       customer messages a spike or a rising theme needs in the window
   * @param quotes          messages quoted (and linked) per alert
   */
  @ConfigurationProperties("alerts")
  public record Alerts(@Bindable(defaultValue = "") String recipients,
                       @Bindable(defaultValue = "") String keyAccounts,
                       @Bindable(defaultValue = "") String topicArn,
                       @Bindable(defaultValue = "") String outboxDir,
                       @Bindable(defaultValue = "1h") Duration window,
                       @Bindable(defaultValue = "24") int baselineWindows,
                       @Bindable(defaultValue = "5") int maxPerHour,
                       @Bindable(defaultValue = "0.01") double alpha,
                       @Bindable(defaultValue = "2.0") double minRatio,
                       @Bindable(defaultValue = "5") int minVolume,
                       @Bindable(defaultValue = "3") int quotes) {

    public static Alerts defaults() {
      return ConfigDefaults.of(Alerts.class);
    }

    /** The significance rule of the spike and theme triggers: the theme trends' test, the alerts' thresholds. */
    public ThemeTrends rule() {
      return new ThemeTrends(1, alpha, minRatio, minVolume);
    }

    public KeyAccounts accounts() {
      return new KeyAccounts(keyAccounts);
    }

    /** @param digest the digest's settings: its From address, and its recipients when none are set here */
    public AlertSettings settings(DigestProperties.Digest digest) {
      List<String> to = recipients.isBlank() ? digest.settings().recipients()
          : dev.listeningpost.digest.DigestSettings.parseRecipients(recipients);
      return new AlertSettings(window, baselineWindows, maxPerHour, digest.sender(), to);
    }
  }

  /**
   * Amazon SNS, which carries the alerts to chat workflows.
   *
   * @param endpoint SNS API endpoint override (an emulator such as LocalStack); empty = SNS in the region
   */
  @ConfigurationProperties("sns")
  public record Sns(@Bindable(defaultValue = "") String endpoint) {
  }
}
