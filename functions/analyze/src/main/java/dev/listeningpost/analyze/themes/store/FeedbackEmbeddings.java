package dev.listeningpost.analyze.themes.store;

import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackTable;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads stored embeddings by item id (BatchGetItem, 100 keys a call, projection id + embedding):
 * the feedback table's byDay index does not carry embeddings, so the nightly job fetches them by key.
 */
public class FeedbackEmbeddings {
  private final DynamoDbClient dynamo;
  private final String table;

  public FeedbackEmbeddings(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Embeddings of the items that have one; ids without one are absent from the map. */
  public Map<String, float[]> find(List<String> ids) {
    Map<String, float[]> out = new HashMap<>();
    try {
      for (int from = 0; from < ids.size(); from += 100) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
          keys.add(Map.of(FeedbackTable.ID, AttributeValue.fromS(id)));
        }
        Map<String, KeysAndAttributes> request = new HashMap<>(Map.of(table, KeysAndAttributes.builder().keys(keys)
            .projectionExpression("#id, embedding").expressionAttributeNames(Map.of("#id", FeedbackTable.ID)).build()));
        for (int attempt = 0; !request.isEmpty() && attempt < 8; attempt++) {
          BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(request));
          for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
            AttributeValue e = item.get("embedding");
            if (e != null && e.b() != null) {
              out.put(item.get(FeedbackTable.ID).s(), FeedbackSchema.toFloats(e.b().asByteArray()));
            }
          }
          request.clear();
          if (r.hasUnprocessedKeys() && !r.unprocessedKeys().isEmpty()) {
            request.putAll(r.unprocessedKeys());
            Thread.sleep(50L << attempt);
          }
        }
      }
    } catch (SdkException e) {
      throw new StorageUnavailableException("feedback table unavailable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return out;
  }
}
