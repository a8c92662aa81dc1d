package dev.listeningpost.digest.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.listeningpost.feedback.store.KeyedTable;

import dev.listeningpost.feedback.store.TableDefinitions;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynoxideExtension.class)
class StoredThemeLabelsIT {

  @Test
  void readsLabelsFollowsMergesAndToleratesAMissingTable() {
    DynamoDbClient client = DynoxideExtension.client();
    String table = DynoxideExtension.uniqueName("themes");
    TableDefinitions.ensure(client, KeyedTable.definition(table));
    put(client, table, Map.of("pk", s("theme"), "sk", s("t1"), "label", s("csv export, times out"), "status", s("ACTIVE")));
    put(client, table, Map.of("pk", s("theme"), "sk", s("t2"), "label", s("export"), "status", s("MERGED"),
        "mergedInto", s("t1")));
    put(client, table, Map.of("pk", s("sample"), "sk", s("t9"), "label", s("not a theme")));

    Map<String, String> labels = new StoredThemeLabels(client, table).labels(List.of("t1", "t2", "t9", "t404"));
    assertEquals(Map.of("t1", "csv export, times out", "t2", "csv export, times out"), labels);

    assertEquals(Map.of(), new StoredThemeLabels(client, "no-such-table").labels(List.of("t1")));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static void put(DynamoDbClient c, String table, Map<String, AttributeValue> item) {
    c.putItem(b -> b.tableName(table).item(item));
  }
}
