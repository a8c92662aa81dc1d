package dev.listeningpost.digest.wiring;

import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.send.CompositeEmailSender;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.send.OutboxEmailSender;
import dev.listeningpost.digest.send.SesEmailSender;
import dev.listeningpost.feedback.voice.CustomerVoice;
import dev.listeningpost.feedback.wiring.StorageProperties;
import dev.listeningpost.feedback.wiring.VoiceProperties;
import dev.listeningpost.feedback.store.AwsEndpoints;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Wires the digest from {@link DigestProperties} and the storage settings (docs/configuration.md lists every
 * setting).
 */
@Factory
public class DigestFactory {

  @Singleton
  DigestSettings digestSettings(DigestProperties.Digest digest) {
    return digest.settings();
  }

  @Singleton
  ComposeOptions composeOptions(DigestProperties.Digest digest) {
    return digest.composeOptions();
  }

  /** Labels written by the nightly themes job. Secondary: a test's own ThemeLabels wins. */
  @Singleton
  @Secondary
  ThemeLabels storedThemeLabels(DynamoDbClient dynamo, StorageProperties.ThemeTable themes) {
    return new dev.listeningpost.digest.compose.StoredThemeLabels(dynamo, themes.table());
  }

  /** Who counts as a customer: never staff (ingest's flag) nor the brand's own handles. */
  @Singleton
  CustomerVoice customerVoice(VoiceProperties voice) {
    return voice.voice();
  }

  @Singleton
  DigestArchive digestArchive(DynamoDbClient dynamo, StorageProperties.DigestTable digests) {
    return new DigestArchive(dynamo, digests.table());
  }

  @Singleton
  @Secondary
  SesV2Client sesV2Client(DigestProperties.Ses ses) {
    return AwsEndpoints.configure(SesV2Client.builder(), ses.endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @Singleton
  EmailSender emailSender(DigestProperties.Digest digest, DigestProperties.Ses sesSettings,
                          BeanProvider<SesV2Client> ses) {
    String outboxDir = digest.outboxDir();
    String sesEndpoint = sesSettings.endpoint();
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
