package dev.listeningpost.feedback.store;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;

/**
 * Points an AWS SDK client (DynamoDB, DynamoDB Streams, SES v2, SNS) at an endpoint: an emulator
 * (dynoxide, aws-ses-v2-local, LocalStack) with dummy credentials, or an AWS endpoint with the default
 * credential chain; no endpoint means the service in the region. The one place every client's
 * endpoint, region and credentials are decided.
 */
public final class AwsEndpoints {
  private AwsEndpoints() {
  }

  public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, String endpoint) {
    String region = SdkSystemSetting.AWS_REGION.getStringValue().orElse("us-east-1");
    builder.region(Region.of(region));
    if (endpoint == null || endpoint.isBlank()) {
      return builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    URI uri = URI.create(endpoint);
    builder.endpointOverride(uri);
    if (isAws(uri)) {
      return builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    // Emulators accept any credentials; do not require an AWS profile on a laptop.
    return builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }

  static boolean isAws(URI endpoint) {
    String host = endpoint.getHost();
    return host != null && (host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"));
  }
}
