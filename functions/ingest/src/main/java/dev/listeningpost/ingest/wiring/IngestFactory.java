package dev.listeningpost.ingest.wiring;

import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.secrets.SecretResolver;
import dev.listeningpost.ingest.secrets.SsmSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.staff.StaffDirectory;
import dev.listeningpost.ingest.widget.WidgetSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Ingest wiring from {@link IngestProperties} (docs/configuration.md lists every setting). */
@Factory
public class IngestFactory {
  /**
   * Secondary: an application that registers its own resolver (the local stack: its environment map plus
   * the demo's secret; tests) wins, and this one is never created there.
   */
  @Singleton
  @Secondary
  SecretResolver secretResolver(IngestProperties.Secrets secrets, Clock clock) {
    return switch (secrets.source()) {
      case "ssm" -> new SsmSecretResolver(ssm(), secrets.path(), Duration.ofSeconds(secrets.ttlSeconds()), clock);
      case "env" -> new EnvironmentSecretResolver(System.getenv());
      default -> throw new IllegalStateException("secrets.source (SECRETS_SOURCE) must be env or ssm, not '"
          + secrets.source() + "'");
    };
  }

  private static SsmClient ssm() {
    return SsmClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(SdkSystemSetting.AWS_REGION.getStringValue().orElse("us-east-1")))
        .build();
  }

  @Singleton
  StaffDirectory staffDirectory(IngestProperties.Ingest ingest) {
    return new ConfiguredStaffDirectory(ingest.staff());
  }

  @Singleton
  WidgetSettings widgetSettings(IngestProperties.Widget widget) {
    return widget.settings();
  }

  @Singleton
  IngestSettings ingestSettings(IngestProperties.Ingest ingest) {
    return ingest.settings();
  }
}
