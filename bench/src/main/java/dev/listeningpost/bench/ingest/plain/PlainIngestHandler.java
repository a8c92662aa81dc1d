package dev.listeningpost.bench.ingest.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.http.ApiGatewayHttp;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.slack.SlackAdapter;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Cold-start baseline: the same ingest work as {@code dev.listeningpost.ingest.IngestHandler} (Slack v0
 * signature, parsing, conditional put through {@link FeedbackStore}) wired by hand in a plain
 * {@link RequestHandler}, no dependency injection. Built into {@code bench/target/plain-ingest-function.jar},
 * which holds no Micronaut classes. Reads the same environment as the function: {@code SLACK_SIGNING_SECRET},
 * {@code DYNAMODB_ENDPOINT}, {@code FEEDBACK_TABLE}, {@code AWS_REGION}.
 */
public class PlainIngestHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  /** The function's default ingest.max-body-bytes (IngestProperties): this jar has no Micronaut to bind it. */
  private static final IngestSettings MAX_BODY = new IngestSettings(1_048_576);
  private final WebhookService webhooks;

  public PlainIngestHandler() {
    this(System.getenv());
  }

  /** With the given environment instead of the process's (the warm benchmark's in-JVM storage). */
  public PlainIngestHandler(Map<String, String> env) {
    FeedbackStore store = new FeedbackStore(dynamo(env.get("DYNAMODB_ENDPOINT"), env.getOrDefault("AWS_REGION", "us-east-1")),
        env.getOrDefault("FEEDBACK_TABLE", "listening-post-feedback"), FeedbackSchema.create(Duration.ofDays(730)));
    this.webhooks = new WebhookService(List.of(new SlackAdapter()), store, new EnvironmentSecretResolver(env),
        new ConfiguredStaffDirectory(env.getOrDefault("INGEST_STAFF", "")), MAX_BODY, Clock.systemUTC());
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ApiGatewayHttp.toResponse(webhooks.handle(ApiGatewayHttp.toRequest(event)));
  }

  // Same client set-up as StorageFactory.
  private static DynamoDbClient dynamo(String endpoint, String region) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(region));
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }
}
