package dev.listeningpost.bench.ingest;

import dev.listeningpost.feedback.testing.DynoxideExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh feedback table on the run-wide dynoxide server that the tests use too (started on first
 * use by the feedback test-jar's {@link DynoxideExtension}, stopped when this JVM exits). Closing
 * it deletes the table.
 */
public final class BenchTable implements AutoCloseable {
  private final String endpoint;
  private final String table;

  public BenchTable() {
    this.endpoint = DynoxideExtension.endpoint();
    try (DynamoDbClient client = DynoxideExtension.client()) {
      this.table = DynoxideExtension.newFeedbackTable(client);
    }
  }

  public String endpoint() {
    return endpoint;
  }

  public String table() {
    return table;
  }

  @Override
  public void close() {
    try (DynamoDbClient client = DynoxideExtension.client()) {
      client.deleteTable(b -> b.tableName(table));
    }
  }
}
