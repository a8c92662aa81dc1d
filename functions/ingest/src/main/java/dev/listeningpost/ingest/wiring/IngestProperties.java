package dev.listeningpost.ingest.wiring;

import dev.listeningpost.feedback.wiring.ConfigDefaults;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.widget.WidgetSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Ingest settings: webhook limits, who is staff, the widget's limits and where webhook secrets come from.
 * One record per property prefix (Micronaut binds one prefix per type); a default is declared once, on its
 * component, and docs/configuration.md is generated from these declarations.
 */
public final class IngestProperties {
  private IngestProperties() {
  }

  /**
   * Webhook handling.
   *
   * @param maxBodyBytes largest webhook body accepted (413 above it); platforms send well under 1 MB
   * @param staff        who is staff, per channel or source: comma-separated {@code channel[/source]:value}
   *                     entries, a value being a user id, a handle or {@code @domain}; channel {@code *} is every
   *                     channel (docs/channels.md)
   */
  @ConfigurationProperties("ingest")
  public record Ingest(@Bindable(defaultValue = "1048576") int maxBodyBytes,
                       @Bindable(defaultValue = "") String staff) {

    public static Ingest defaults() {
      return ConfigDefaults.of(Ingest.class);
    }

    public IngestSettings settings() {
      return new IngestSettings(maxBodyBytes);
    }
  }

  /**
   * The in-app widget channel's limits.
   *
   * @param maxTextLength longest {@code text} accepted (characters); longer is a 400
   * @param ratePerMinute sustained submissions per minute per key (token refill rate)
   * @param burst         submissions a key may make at once (bucket size)
   */
  @ConfigurationProperties("ingest.widget")
  public record Widget(@Bindable(defaultValue = "5000") int maxTextLength,
                       @Bindable(defaultValue = "30") int ratePerMinute,
                       @Bindable(defaultValue = "10") int burst) {

    public static Widget defaults() {
      return ConfigDefaults.of(Widget.class);
    }

    public WidgetSettings settings() {
      return new WidgetSettings(maxTextLength, ratePerMinute, burst);
    }
  }

  /**
   * Where webhook secrets come from.
   *
   * @param source     {@code env}: environment variables ({@code SLACK_SIGNING_SECRET}, ...); {@code ssm}: SSM
   *                   Parameter Store SecureStrings under {@code path} (the template sets it); the local stack
   *                   reads its own environment instead
   * @param path       SSM prefix of the secrets, e.g. {@code /listening-post/slack/signing-secret}
   * @param ttlSeconds seconds a secret read from SSM is cached by a warm function
   */
  @ConfigurationProperties("secrets")
  public record Secrets(@Bindable(defaultValue = "env") String source,
                        @Bindable(defaultValue = "/listening-post/") String path,
                        @Bindable(defaultValue = "300") long ttlSeconds) {
  }
}
