package dev.listeningpost.feedback.wiring;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.AwsEndpoints;
import dev.listeningpost.feedback.store.CapacityInterceptor;
import dev.listeningpost.feedback.store.CapacityMeter;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the DynamoDB client and the feedback store from {@link StorageProperties} (docs/configuration.md lists
 * every setting).
 */
@Factory
public class StorageFactory {

  @Singleton
  @Requires(missingBeans = DynamoDbClient.class)
  DynamoDbClient dynamoDbClient(StorageProperties.Dynamodb dynamodb, CapacityMeter capacity) {
    return AwsEndpoints.configure(DynamoDbClient.builder(), dynamodb.endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        // Every call reports its consumed capacity (the stores name theirs; the rest as dynamodb.<Operation>).
        .overrideConfiguration(c -> c.addExecutionInterceptor(new CapacityInterceptor(capacity)))
        .build();
  }

  /**
   * The one clock every service uses. Secondary, not conditional on a missing Clock, so a test's
   * fixed clock wins and there is no circular condition check.
   */
  @Singleton
  @io.micronaut.context.annotation.Secondary
  java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }

  @Singleton
  TableSchema<Feedback> feedbackSchema(StorageProperties.FeedbackTable feedback) {
    return FeedbackSchema.create(Duration.ofDays(Math.max(0, feedback.retentionDays())));
  }

  /** One per process: every store of the function sums its consumed capacity here (logged at DEBUG). */
  @Singleton
  CapacityMeter capacityMeter() {
    return new CapacityMeter();
  }

  @Singleton
  FeedbackStore feedbackStore(DynamoDbClient dynamo, TableSchema<Feedback> schema,
                              StorageProperties.FeedbackTable feedback, CapacityMeter capacity) {
    return new FeedbackStore(dynamo, feedback.table(), schema, capacity);
  }
}
