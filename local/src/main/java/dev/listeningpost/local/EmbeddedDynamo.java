package dev.listeningpost.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon's DynamoDB Local inside this JVM, served on a loopback port so the functions' code talks to
 * it exactly as it talks to DynamoDB (same SDK client, same HTTP protocol, streams included).
 */
final class EmbeddedDynamo implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final String endpoint;

  EmbeddedDynamo(Path dataDir, boolean inMemory) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
    if (inMemory) {
      args.add("-inMemory");
    } else {
      Path db = dataDir.resolve("dynamodb");
      Files.createDirectories(db);
      args.addAll(List.of("-dbPath", db.toAbsolutePath().toString()));
    }
    server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
    server.start();
    endpoint = "http://127.0.0.1:" + port;
  }

  String endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // Shutting down anyway; nothing to recover.
    }
  }

  static void quietLogs() throws IOException {
    // DynamoDB Local's Jetty logs every start at INFO through slf4j-simple; keep the console for our lines.
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.com.amazonaws.services.dynamodbv2", "warn");
  }
}
