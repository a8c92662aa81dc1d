package dev.listeningpost.feedback.wiring;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Wires the DynamoDB client and the feedback store from configuration.
 *
 * <p>Properties (environment variables in brackets): {@code feedback.table} (FEEDBACK_TABLE),
 * {@code feedback.retention-days} (FEEDBACK_RETENTION_DAYS, 0 = keep forever),
 * {@code dynamodb.endpoint} (DYNAMODB_ENDPOINT, for DynamoDB Local or LocalStack).
 */
@Factory
public class StorageFactory {

  @Singleton
  @Requires(missingBeans = DynamoDbClient.class)
  DynamoDbClient dynamoDbClient(@Value("${dynamodb.endpoint:}") String endpoint) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null && !endpoint.isBlank()) {
      // Local emulators accept any credentials; do not require an AWS profile on a laptop.
      builder.endpointOverride(URI.create(endpoint))
          .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      String region = SdkSystemSetting.AWS_REGION.getStringValue().orElse("us-east-1");
      builder.region(Region.of(region)).credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
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
