package dev.listeningpost.feedback.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.listeningpost.feedback.store.TableDefinitions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Amazon's DynamoDB Local, in this JVM, served over HTTP on a free loopback port (the same wire
 * protocol the functions use in AWS). One server per test JVM; each test gets fresh table names.
 */
public final class LocalDynamo {
  private static DynamoDBProxyServer server;
  private static String endpoint;

  private LocalDynamo() {
  }

  public static synchronized String endpoint() {
    if (server == null) {
      try {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
          port = s.getLocalPort();
        }
        server = ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
        server.start();
        endpoint = "http://127.0.0.1:" + port;
        Runtime.getRuntime().addShutdownHook(new Thread(LocalDynamo::stop));
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not start", e);
      }
    }
    return endpoint;
  }

  public static DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** A unique table name, so tests never see each other's items. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a fresh feedback table and returns its name. */
  public static String newFeedbackTable(DynamoDbClient client) {
    String name = uniqueName("feedback");
    TableDefinitions.ensure(client, TableDefinitions.feedback(name));
    return name;
  }

  private static synchronized void stop() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // JVM is exiting.
      }
      server = null;
    }
  }
}
