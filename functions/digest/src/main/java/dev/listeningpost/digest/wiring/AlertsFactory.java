package dev.listeningpost.digest.wiring;

import dev.listeningpost.digest.alerts.AlertJob;
import dev.listeningpost.digest.alerts.AlertStore;
import dev.listeningpost.digest.alerts.AlertTrigger;
import dev.listeningpost.feedback.voice.CustomerVoice;
import dev.listeningpost.digest.alerts.KeyAccountTrigger;
import dev.listeningpost.digest.alerts.NegativeSpikeTrigger;
import dev.listeningpost.digest.alerts.OutboxSnsPublisher;
import dev.listeningpost.digest.alerts.SnsPublisher;
import dev.listeningpost.digest.alerts.SnsTopicPublisher;
import dev.listeningpost.digest.alerts.ThemeRiseTrigger;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.feedback.store.AwsEndpoints;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.wiring.StorageProperties;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Wires the alerts from {@link AlertsProperties}, the digest's sender and the storage settings. */
@Factory
public class AlertsFactory {

  @Singleton
  AlertStore alertStore(DynamoDbClient dynamo, StorageProperties.DigestTable digests) {
    return new AlertStore(dynamo, digests.table());
  }

  @Singleton
  @Secondary
  SnsClient snsClient(AlertsProperties.Sns sns) {
    return AwsEndpoints.configure(SnsClient.builder(), sns.endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @Singleton
  AlertJob alertJob(FeedbackStore feedback, AlertStore store, EmailSender email, ThemeLabels labels,
                    CustomerVoice voice, AlertsProperties.Alerts alerts, DigestProperties.Digest digest,
                    BeanProvider<SnsClient> sns, Clock clock) {
    List<AlertTrigger> triggers = List.of(
        new KeyAccountTrigger(alerts.accounts(), voice, labels),
        new NegativeSpikeTrigger(alerts.rule(), voice, labels, alerts.quotes()),
        new ThemeRiseTrigger(alerts.rule(), voice, labels, alerts.quotes()));
    List<SnsPublisher> topics = new ArrayList<>();
    if (!alerts.outboxDir().isBlank()) {
      topics.add(new OutboxSnsPublisher(Path.of(alerts.outboxDir().strip())));
    }
    if (!alerts.topicArn().isBlank()) {
      topics.add(new SnsTopicPublisher(sns.get(), alerts.topicArn().strip()));
    }
    return new AlertJob(feedback, triggers, store, email, topics, alerts.settings(digest), clock);
  }
}
