package dev.listeningpost.feedback.testing;

import dev.listeningpost.emulator.DynoxideBinary;
import dev.listeningpost.emulator.DynoxideServer;
import dev.listeningpost.feedback.store.AwsEndpoints;
import dev.listeningpost.feedback.store.FeedbackTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB every integration test runs against: one in-memory {@code dynoxide serve} per test
 * run (started by the first class that uses this extension, stopped by its process when the run
 * ends), over the same HTTP protocol the functions use in AWS. Tests isolate themselves with
 * fresh table names ({@link #uniqueName}), so classes never see each other's items.
 *
 * <p>Use with {@code @ExtendWith(DynoxideExtension.class)}; the binary is found or installed by
 * {@code tools/install-dynoxide.sh} (see {@link DynoxideBinary}).
 */
public final class DynoxideExtension implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynoxideExtension.class);
  private static DynoxideServer server;

  /** Stops the run-wide server when JUnit closes the root context (the end of the test run). */
  private static final class StopAtEndOfRun implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      stop();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    endpoint();
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(StopAtEndOfRun.class, k -> new StopAtEndOfRun(),
        StopAtEndOfRun.class);
  }

  /**
   * The run-wide server's endpoint, starting it on first use. Test engines other than Jupiter
   * (jqwik properties) call this directly; the server's own shutdown hook stops it then.
   */
  public static synchronized String endpoint() {
    if (server == null || !server.isAlive()) {
      Path root = Path.of(System.getProperty("lp.root", "."));
      Path binary = DynoxideBinary.findOrInstall(System.getenv(), root);
      server = DynoxideServer.start(binary, Optional.empty(), Optional.empty());
    }
    return server.endpoint();
  }

  private static synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public static DynamoDbClient client() {
    return AwsEndpoints.configure(DynamoDbClient.builder(), endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  /** A unique table name, so tests never see each other's items. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a fresh feedback table and returns its name. */
  public static String newFeedbackTable(DynamoDbClient client) {
    String name = uniqueName("feedback");
    TableDefinitions.ensure(client, FeedbackTable.definition(name));
    return name;
  }
}
