package dev.listeningpost.bench.ingest;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.listeningpost.feedback.store.TableDefinitions;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local (in memory) served over HTTP on a free loopback port, with a fresh feedback table. */
public final class DynamoLocalServer implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final String endpoint;
  private final String table;

  public DynamoLocalServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = ServerRunner.createServerFromCommandLineArgs(
        new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
    server.start();
    endpoint = "http://127.0.0.1:" + port;
    table = "feedback-bench-" + UUID.randomUUID().toString().substring(0, 8);
    try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      TableDefinitions.ensure(client, TableDefinitions.feedback(table));
    }
  }

  public String endpoint() {
    return endpoint;
  }

  public String table() {
    return table;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
