package dev.listeningpost.ingest.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.TestRequests;
import dev.listeningpost.ingest.WebhookService;
import dev.listeningpost.ingest.slack.SlackAdapter;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.wiring.IngestProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** An unreachable secret store is the platform's cue to retry (503), not a bad signature (401). */
class SecretsOutageTest {
  private static final URI DEAD = URI.create("http://127.0.0.1:9");
  private static final StaticCredentialsProvider CREDS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));

  @Test
  void ssmFailuresSurfaceAsUnavailableAndAreNotCached() {
    SsmClient ssm = SsmClient.builder().endpointOverride(DEAD).region(Region.US_EAST_1).credentialsProvider(CREDS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    SsmSecretResolver resolver = new SsmSecretResolver(ssm, "/listening-post/", Duration.ofMinutes(5), Clock.systemUTC());
    assertThrows(SecretsUnavailableException.class, () -> resolver.lookup("slack", null, "signing-secret"));
    assertThrows(SecretsUnavailableException.class, () -> resolver.lookup("slack", null, "signing-secret"));
  }

  @Test
  void webhookAnswers503WithRetryAfterWhenSecretsAreUnavailable() {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    DynamoDbClient deadDynamo = DynamoDbClient.builder().endpointOverride(DEAD).region(Region.US_EAST_1)
        .credentialsProvider(CREDS).httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    SecretResolver down = (channel, source, name) -> {
      throw new SecretsUnavailableException("secret store unavailable: SdkClientException", null);
    };
    WebhookService service = new WebhookService(List.of(new SlackAdapter()),
        new FeedbackStore(deadDynamo, "feedback-x", FeedbackSchema.create(Duration.ZERO)), down,
        new ConfiguredStaffDirectory(""), IngestProperties.Ingest.defaults().settings(), Clock.fixed(now, ZoneOffset.UTC));
    HttpResponse r = service.handle(TestRequests.slack("any", now, TestRequests.event("ingest/slack/message.json")));
    assertEquals(503, r.status());
    assertEquals("5", r.headers().get("Retry-After"));
    assertEquals("application/problem+json", r.contentType());
    assertTrue(r.body().contains("secrets-unavailable"), r.body());
  }
}
