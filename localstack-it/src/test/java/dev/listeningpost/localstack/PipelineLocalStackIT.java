package dev.listeningpost.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.local.PipelineScenario;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The emulator suite's {@link PipelineScenario}, unchanged, against LocalStack's DynamoDB, DynamoDB
 * Streams and SES: webhook -> table -> stream -> analyze -> themes -> digest -> SES. Sent mail is read
 * back from LocalStack's {@code GET /_aws/ses}. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineLocalStackIT {
  @Container
  static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
      DockerImageName.parse(System.getProperty("localstack.image", "localstack/localstack:4.4.0"))
          .asCompatibleSubstituteFor("localstack/localstack"));

  @Test
  void webhookToTableToStreamToAnalyzeToThemesToDigestToSes(@TempDir Path dir) throws Exception {
    // As in AWS (docs/deploy.md), SES sends only from a verified identity.
    try (SesV2Client ses = SesV2Client.builder().endpointOverride(LOCALSTACK.getEndpoint())
        .region(Region.of(LOCALSTACK.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      ses.createEmailIdentity(b -> b.emailIdentity(PipelineScenario.SENDER));
    }
    String endpoint = LOCALSTACK.getEndpoint().toString();
    PipelineScenario.run(new PipelineScenario.Target(endpoint, endpoint, PipelineLocalStackIT::sent), dir);
  }

  /** What LocalStack's SES accepted. */
  private static List<PipelineScenario.Mail> sent() throws Exception {
    try (InputStream in = URI.create(LOCALSTACK.getEndpoint() + "/_aws/ses").toURL().openStream()) {
      List<PipelineScenario.Mail> out = new ArrayList<>();
      for (JsonNode m : new ObjectMapper().readTree(in).path("messages")) {
        List<String> to = new ArrayList<>();
        m.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
        out.add(new PipelineScenario.Mail(to, m.path("Subject").asText(), m.path("Body").toString() + m.path("RawData").asText()));
      }
      return out;
    }
  }
}
