package dev.listeningpost.digest.alerts;

/** Why an alert was raised; {@link #wire()} is its name in alert keys, SNS attributes and responses. */
public enum AlertKind {
  /** A key account (setting {@code alerts.key-accounts}) wrote. */
  KEY_ACCOUNT("key-account"),
  /** The negative share of customer items rose significantly above its baseline. */
  NEGATIVE_SPIKE("negative-spike"),
  /** A theme's share of customer items rose significantly and by at least the configured ratio. */
  THEME_RISING("theme-rising");

  private final String wire;

  AlertKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
