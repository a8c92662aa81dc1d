package dev.listeningpost.local;

import dev.listeningpost.feedback.store.KeyedTable;
import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.wiring.ConfigDefaults;
import dev.listeningpost.feedback.wiring.StorageProperties;
import io.micronaut.context.BeanLocator;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local stack's three tables, named by the storage settings (FEEDBACK_TABLE, ... else their defaults). */
record LocalTables(String feedback, String digests, String themes) {

  static LocalTables of(BeanLocator beans) {
    return new LocalTables(beans.getBean(StorageProperties.FeedbackTable.class).table(),
        beans.getBean(StorageProperties.DigestTable.class).table(), beans.getBean(StorageProperties.ThemeTable.class).table());
  }

  static LocalTables defaults() {
    return new LocalTables(ConfigDefaults.of(StorageProperties.FeedbackTable.class).table(),
        ConfigDefaults.of(StorageProperties.DigestTable.class).table(), ConfigDefaults.of(StorageProperties.ThemeTable.class).table());
  }

  List<String> all() {
    return List.of(feedback, digests, themes);
  }

  /** Creates the tables (as template.yaml declares them) or adds what an older version lacks. */
  void ensure(DynamoDbClient client) {
    TableDefinitions.ensureFeedback(client, feedback);
    TableDefinitions.ensure(client, KeyedTable.definition(digests));
    TableDefinitions.ensure(client, KeyedTable.definition(themes));
  }
}
