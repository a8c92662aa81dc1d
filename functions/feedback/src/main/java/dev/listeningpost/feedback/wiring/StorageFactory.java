package dev.listeningpost.feedback.wiring;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.DynamoEndpoints;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the DynamoDB client and the feedback store from configuration.
 *
 * <p>Properties (environment variables in brackets): {@code feedback.table} (FEEDBACK_TABLE),
 * {@code feedback.retention-days} (FEEDBACK_RETENTION_DAYS, 0 = keep forever),
 * {@code dynamodb.endpoint} (DYNAMODB_ENDPOINT: an emulator such as dynoxide or LocalStack; see {@link DynamoEndpoints}).
 */
@Factory
public class StorageFactory {

  @Singleton
  @Requires(missingBeans = DynamoDbClient.class)
  DynamoDbClient dynamoDbClient(@Value("${dynamodb.endpoint:}") String endpoint) {
    return DynamoEndpoints.configure(DynamoDbClient.builder(), endpoint)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
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
  TableSchema<Feedback> feedbackSchema(@Value("${feedback.retention-days:730}") int retentionDays) {
    return FeedbackSchema.create(Duration.ofDays(Math.max(0, retentionDays)));
  }

  @Singleton
  FeedbackStore feedbackStore(DynamoDbClient dynamo, TableSchema<Feedback> schema,
                              @Value("${feedback.table:listening-post-feedback}") String table) {
    return new FeedbackStore(dynamo, table, schema);
  }
}
