package dev.listeningpost.feedback.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

@ExtendWith(DynoxideExtension.class)
class TableDefinitionsIT {

  @Test
  void anExistingTableGetsTheIndexesItLacks() {
    DynamoDbClient dynamo = DynoxideExtension.client();
    String name = DynoxideExtension.uniqueName("feedback-old");
    CreateTableRequest current = FeedbackTable.definition(name);
    // A table as an older version created it: only the byDay index.
    dynamo.createTable(current.toBuilder()
        .globalSecondaryIndexes(current.globalSecondaryIndexes().stream()
            .filter(g -> g.indexName().equals(FeedbackTable.BY_DAY_INDEX)).toList())
        .attributeDefinitions(current.attributeDefinitions().stream()
            .filter(a -> !a.attributeName().startsWith("analyzed")).toList())
        .build());

    TableDefinitions.ensure(dynamo, current);

    Set<String> indexes = dynamo.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().stream()
        .map(g -> g.indexName()).collect(Collectors.toSet());
    assertEquals(Set.of(FeedbackTable.BY_DAY_INDEX, FeedbackTable.BY_ANALYZED_INDEX), indexes);
  }
}
