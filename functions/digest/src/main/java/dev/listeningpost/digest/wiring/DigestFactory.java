package dev.listeningpost.digest.wiring;

import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.send.CompositeEmailSender;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.send.OutboxEmailSender;
import dev.listeningpost.digest.send.SesEmailSender;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/**
 * Wires the digest from configuration. Properties (environment variables in brackets):
 * <ul>
 *   <li>{@code digest.time-zone} (DIGEST_TIME_ZONE, default UTC): whose weeks are reported</li>
 *   <li>{@code digest.sender} (DIGEST_SENDER): From address, an SES-verified identity</li>
 *   <li>{@code digest.recipients} (DIGEST_RECIPIENTS): comma-separated addresses</li>
 *   <li>{@code digest.table} (DIGEST_TABLE, default listening-post-digests): archive and send log</li>
 *   <li>{@code digest.outbox-dir} (DIGEST_OUTBOX_DIR): also write each email as .eml and .html here</li>
 *   <li>{@code ses.endpoint} (SES_ENDPOINT): SES API endpoint override (aws-ses-v2-local, LocalStack)</li>
 *   <li>{@code digest.reply-sla} (DIGEST_REPLY_SLA, default 48h), {@code digest.quotes} (8),
 *       {@code digest.list-limit} (8)</li>
 * </ul>
 * SES is used when {@code ses.endpoint} is set or no outbox is configured (in AWS); the outbox
 * when {@code digest.outbox-dir} is set; both in local mode when both are set.
 */
@Factory
public class DigestFactory {

  @Singleton
  DigestSettings digestSettings(@Value("${digest.time-zone:UTC}") String zone,
                                @Value("${digest.sender:}") String sender,
                                @Value("${digest.recipients:}") String recipients) {
    return new DigestSettings(ZoneId.of(zone.isBlank() ? "UTC" : zone.strip()), sender.strip(),
        DigestSettings.parseRecipients(recipients));
  }

  @Singleton
  ComposeOptions composeOptions(@Value("${digest.quotes:8}") int quotes,
                                @Value("${digest.reply-sla:48h}") Duration replySla,
                                @Value("${digest.list-limit:8}") int listLimit) {
    return new ComposeOptions(quotes, replySla, listLimit);
  }

  /** No labels until a themes module provides a {@link ThemeLabels} bean, which then wins. */
  @Singleton
  @Secondary
  ThemeLabels noThemeLabels() {
    return ThemeLabels.NONE;
  }

  @Singleton
  DigestArchive digestArchive(DynamoDbClient dynamo,
                              @Value("${digest.table:listening-post-digests}") String table) {
    return new DigestArchive(dynamo, table);
  }

  @Singleton
  @Secondary
  SesV2Client sesV2Client(@Value("${ses.endpoint:}") String endpoint) {
    SesV2ClientBuilder builder = SesV2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(SdkSystemSetting.AWS_REGION.getStringValue().orElse("us-east-1")));
    if (!endpoint.isBlank()) {
      // Emulators accept any credentials; do not require an AWS profile on a laptop.
      builder.endpointOverride(URI.create(endpoint.strip()))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }

  @Singleton
  EmailSender emailSender(@Value("${digest.outbox-dir:}") String outboxDir,
                          @Value("${ses.endpoint:}") String sesEndpoint,
                          BeanProvider<SesV2Client> ses) {
    List<EmailSender> senders = new ArrayList<>();
    if (!outboxDir.isBlank()) {
      senders.add(new OutboxEmailSender(Path.of(outboxDir.strip())));
    }
    if (!sesEndpoint.isBlank() || outboxDir.isBlank()) {
      senders.add(new SesEmailSender(ses.get()));
    }
    return senders.size() == 1 ? senders.get(0) : new CompositeEmailSender(senders);
  }
}
