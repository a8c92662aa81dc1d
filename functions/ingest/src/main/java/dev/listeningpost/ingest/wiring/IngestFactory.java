package dev.listeningpost.ingest.wiring;

import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.secrets.SecretResolver;
import dev.listeningpost.ingest.secrets.SsmSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.staff.StaffDirectory;
import dev.listeningpost.ingest.widget.WidgetSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Ingest configuration. Properties (environment variables): {@code secrets.source} (SECRETS_SOURCE:
 * {@code env}, the default, or {@code ssm}), {@code secrets.path} (SECRETS_PATH, SSM prefix, default
 * {@code /listening-post/}), {@code secrets.ttl-seconds} (SECRETS_TTL_SECONDS), {@code ingest.staff}
 * (INGEST_STAFF, see {@link ConfiguredStaffDirectory}), {@code ingest.max-body-bytes} (INGEST_MAX_BODY_BYTES),
 * {@code ingest.widget.max-text-length}, {@code ingest.widget.rate-per-minute}, {@code ingest.widget.burst}
 * (INGEST_WIDGET_MAX_TEXT_LENGTH, INGEST_WIDGET_RATE_PER_MINUTE, INGEST_WIDGET_BURST).
 */
@Factory
public class IngestFactory {

  @Singleton
  @Requires(property = "secrets.source", value = "ssm")
  SecretResolver ssmSecrets(@Value("${secrets.path:/listening-post/}") String path,
                            @Value("${secrets.ttl-seconds:300}") long ttlSeconds, Clock clock) {
    SsmClient ssm = SsmClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(SdkSystemSetting.AWS_REGION.getStringValue().orElse("us-east-1")))
        .build();
    return new SsmSecretResolver(ssm, path, Duration.ofSeconds(ttlSeconds), clock);
  }

  @Singleton
  @Requires(property = "secrets.source", value = "env", defaultValue = "env")
  SecretResolver environmentSecrets() {
    return new EnvironmentSecretResolver(System.getenv());
  }

  @Singleton
  StaffDirectory staffDirectory(@Value("${ingest.staff:}") String staff) {
    return new ConfiguredStaffDirectory(staff);
  }

  @Singleton
  WidgetSettings widgetSettings(@Value("${ingest.widget.max-text-length:5000}") int maxText,
                                @Value("${ingest.widget.rate-per-minute:30}") int perMinute,
                                @Value("${ingest.widget.burst:10}") int burst) {
    return new WidgetSettings(maxText, perMinute, burst);
  }

  @Singleton
  IngestSettings ingestSettings(@Value("${ingest.max-body-bytes:1048576}") int maxBodyBytes) {
    return new IngestSettings(maxBodyBytes);
  }
}
