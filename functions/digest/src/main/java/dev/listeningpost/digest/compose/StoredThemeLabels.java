package dev.listeningpost.digest.compose;

import dev.listeningpost.feedback.store.ThemeTable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Theme labels as the nightly themes job stored them ({@link ThemeTable}: pk {@code theme}, sk = theme id,
 * {@code label}, {@code mergedInto}). Reads only those attributes, with one paginated Query, and
 * follows merges so items still tagged with a merged theme's id show its heir's label. The digest
 * function does not link the analyze module: this reader depends on the table contract alone.
 */
public final class StoredThemeLabels implements ThemeLabels {
  private static final Logger LOG = LoggerFactory.getLogger(StoredThemeLabels.class);
  private final DynamoDbClient dynamo;
  private final String table;

  public StoredThemeLabels(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** What the theme table says: labels and merges. */
  private record Stored(Map<String, String> label, Map<String, String> heir) {
    static final Stored NONE = new Stored(Map.of(), Map.of());

    String resolve(String id) {
      String current = id;
      for (int hops = 0; hops < 16 && heir.containsKey(current); hops++) {
        current = heir.get(current);
      }
      return current;
    }
  }

  @Override
  public Map<String, String> labels(Collection<String> themeIds) {
    if (themeIds.isEmpty()) {
      return Map.of();
    }
    Stored s = load();
    Map<String, String> out = new HashMap<>();
    for (String id : themeIds) {
      String l = s.label().getOrDefault(s.resolve(id), s.label().get(id));
      if (l != null && !l.isBlank()) {
        out.put(id, l);
      }
    }
    return out;
  }

  @Override
  public Map<String, String> heirs(Collection<String> themeIds) {
    if (themeIds.isEmpty()) {
      return Map.of();
    }
    Stored s = load();
    Map<String, String> out = new HashMap<>();
    for (String id : themeIds) {
      String to = s.resolve(id);
      if (!to.equals(id)) {
        out.put(id, to);
      }
    }
    return out;
  }

  private Stored load() {
    Map<String, String> label = new HashMap<>();
    Map<String, String> heir = new HashMap<>();
    try {
      dynamo.queryPaginator(QueryRequest.builder().tableName(table)
              .keyConditionExpression("#pk = :p")
              .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(ThemeTable.THEME_PARTITION)))
              .projectionExpression("#sk, #label, #merged")
              .expressionAttributeNames(Map.of("#pk", ThemeTable.PK, "#sk", ThemeTable.SK,
                  "#label", ThemeTable.LABEL, "#merged", ThemeTable.MERGED_INTO))
              .build())
          .items().forEach(item -> {
            String id = item.get(ThemeTable.SK).s();
            if (item.containsKey(ThemeTable.LABEL)) {
              label.put(id, item.get(ThemeTable.LABEL).s());
            }
            if (item.containsKey(ThemeTable.MERGED_INTO)) {
              heir.put(id, item.get(ThemeTable.MERGED_INTO).s());
            }
          });
    } catch (SdkException e) {
      // Labels are decoration: a digest without them beats no digest.
      LOG.warn("theme labels unavailable from {}: {}", table, e.getClass().getSimpleName());
      return Stored.NONE;
    }
    return new Stored(label, heir);
  }
}
