package dev.listeningpost.bench.coldstart.plain;

import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.digest.wiring.AlertsProperties;
import dev.listeningpost.digest.wiring.DigestProperties;
import java.time.Duration;

/**
 * The defaults the functions' {@code @ConfigurationProperties} records declare, written out for the plain
 * baselines: {@code ConfigDefaults} would start Micronaut's property resolver and conversion service, which a
 * baseline without Micronaut must not load. {@link #checkDefaults()} (run by the harness, never by a baseline) keeps them equal. Fields are
 * read through their own holder classes' static init, so the analyze jar never resolves a digest record
 * and the reverse: each constant is referenced only by the handlers of its artifact.
 */
public final class PlainDefaults {
  private PlainDefaults() {
  }

  /** Fails when a default written out here no longer matches the record's declaration (run by the harness). */
  public static void checkDefaults() {
    check(THEME, AnalyzeProperties.Theme.defaults());
    check(ANALYZE, AnalyzeProperties.Analyze.defaults());
    check(DIGEST, DigestProperties.Digest.defaults());
    check(ALERTS, AlertsProperties.Alerts.defaults());
  }

  private static void check(Record written, Record declared) {
    if (!written.equals(declared)) {
      throw new IllegalStateException("plain baseline defaults " + written + " differ from the declared " + declared);
    }
  }


  static final AnalyzeProperties.Theme THEME = Analyze.THEME;
  static final AnalyzeProperties.Analyze ANALYZE = Analyze.ANALYZE;
  static final DigestProperties.Digest DIGEST = Digest.DIGEST;
  static final AlertsProperties.Alerts ALERTS = Digest.ALERTS;

  static final class Analyze {
    static final AnalyzeProperties.Theme THEME = new AnalyzeProperties.Theme(3000, 3, 0.5, 0.05, 0.9, 3, 30, 3, 3, 0.45,
        300, 30, 10);
    static final AnalyzeProperties.Analyze ANALYZE = new AnalyzeProperties.Analyze(8);
  }

  static final class Digest {
    static final DigestProperties.Digest DIGEST = new DigestProperties.Digest("UTC", "", "", "", 3, Duration.ofHours(48),
        8, "", "", "", "", "");
    static final AlertsProperties.Alerts ALERTS = new AlertsProperties.Alerts("", "", "", "", Duration.ofHours(1), 24, 5,
        0.01, 2.0, 5, 3);
  }
}
