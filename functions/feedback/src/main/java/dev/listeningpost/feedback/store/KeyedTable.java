package dev.listeningpost.feedback.store;

import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The key contract of the generic pk/sk tables (themes: {@link ThemeTable}; digest archive and
 * send log), declared once for their schemas, expressions and definitions.
 */
public final class KeyedTable {
  public static final String PK = "pk";
  public static final String SK = "sk";

  private KeyedTable() {
  }

  /** The table as template.yaml declares it (on-demand, pk/sk strings, no index). */
  public static CreateTableRequest definition(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(TableDefinitions.stringAttribute(PK), TableDefinitions.stringAttribute(SK))
        .keySchema(TableDefinitions.key(PK, KeyType.HASH), TableDefinitions.key(SK, KeyType.RANGE))
        .build();
  }
}
