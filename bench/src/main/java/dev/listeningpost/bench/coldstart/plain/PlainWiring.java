package dev.listeningpost.bench.coldstart.plain;

import dev.listeningpost.feedback.store.AwsEndpoints;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the functions' Micronaut factories build, built by hand from the same environment variables, for the
 * cold-start baselines: the same clients (URL-connection HTTP client, {@link AwsEndpoints}), the same
 * stores and the same defaults. No dependency injection, no application context.
 */
final class PlainWiring {
  final Map<String, String> env;
  final DynamoDbClient dynamo;

  PlainWiring(Map<String, String> env) {
    this.env = env;
    // Same client set-up as StorageFactory.
    this.dynamo = AwsEndpoints.configure(DynamoDbClient.builder(), get("DYNAMODB_ENDPOINT", ""))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  String get(String name, String fallback) {
    String v = env.get(name);
    return v == null ? fallback : v;
  }

  FeedbackStore feedbackStore() {
    long days = Long.parseLong(get("FEEDBACK_RETENTION_DAYS", "730"));
    return new FeedbackStore(dynamo, get("FEEDBACK_TABLE", "listening-post-feedback"),
        FeedbackSchema.create(Duration.ofDays(Math.max(0, days))));
  }

  String themeTable() {
    return get("THEME_TABLE", "listening-post-themes");
  }

  String digestTable() {
    return get("DIGEST_TABLE", "listening-post-digests");
  }

  CustomerVoice voice() {
    return CustomerVoice.of(get("THEME_BRAND_TERMS", ""));
  }

}
