package dev.listeningpost.analyze.themes.store;

import dev.listeningpost.feedback.store.CapacityMeter;
import dev.listeningpost.feedback.store.EmbeddingCodec;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Reads stored embeddings by item id (BatchGetItem, 100 keys a call, projection id + embedding):
 * the feedback table's byDay index does not carry embeddings, so the nightly job fetches them by key.
 */
public class FeedbackEmbeddings {
  private final DynamoDbClient dynamo;
  private final String table;
  private final CapacityMeter capacity;

  public FeedbackEmbeddings(DynamoDbClient dynamo, String table) {
    this(dynamo, table, new CapacityMeter());
  }

  public FeedbackEmbeddings(DynamoDbClient dynamo, String table, CapacityMeter capacity) {
    this.dynamo = dynamo;
    this.table = table;
    this.capacity = capacity;
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
            .projectionExpression("#id, #e")
            .expressionAttributeNames(Map.of("#id", FeedbackTable.ID, "#e", FeedbackTable.EMBEDDING)).build()));
        for (int attempt = 0; !request.isEmpty() && attempt < 8; attempt++) {
          BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(request)
              .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
          if (r.hasConsumedCapacity() && !r.consumedCapacity().isEmpty()) {
            r.consumedCapacity().forEach(c -> capacity.record("feedback.batchGet.embedding", c));
          } else {
            capacity.record("feedback.batchGet.embedding", null);
          }
          for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
            AttributeValue e = item.get(FeedbackTable.EMBEDDING);
            if (e != null && e.b() != null) {
              out.put(item.get(FeedbackTable.ID).s(), EmbeddingCodec.decode(e.b().asByteArray()));
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
