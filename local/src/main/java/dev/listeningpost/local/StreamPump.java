package dev.listeningpost.local;

import dev.listeningpost.feedback.Feedback;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays the part of Lambda's DynamoDB stream event source locally: reads the feedback table's stream
 * from where it last stopped and hands the new images to the analyze service, as the deployed
 * function receives them.
 */
final class StreamPump {
  private final DynamoDbClient dynamo;
  private final DynamoDbStreamsClient streams;
  private final String table;
  private final Function<Map<String, AttributeValue>, Feedback> toItem;
  // Last sequence number processed per shard (in memory: a restart re-reads the stream, and the
  // analyze service skips items that are already enriched).
  private final Map<String, String> checkpoints = new HashMap<>();

  StreamPump(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table,
             Function<Map<String, AttributeValue>, Feedback> toItem) {
    this.dynamo = dynamo;
    this.streams = streams;
    this.table = table;
    this.toItem = toItem;
  }

  /** New images (INSERT and MODIFY) since the last call, in stream order. */
  synchronized List<Feedback> poll() {
    String arn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    List<Feedback> out = new ArrayList<>();
    String lastShard = null;
    do {
      String start = lastShard;
      var desc = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(start)).streamDescription();
      for (Shard shard : desc.shards()) {
        read(arn, shard.shardId(), out);
      }
      lastShard = desc.lastEvaluatedShardId();
    } while (lastShard != null);
    return out;
  }

  private void read(String arn, String shardId, List<Feedback> out) {
    String after = checkpoints.get(shardId);
    String iterator = streams.getShardIterator(b -> {
      b.streamArn(arn).shardId(shardId);
      if (after == null) {
        b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
      } else {
        b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
      }
    }).shardIterator();
    while (iterator != null) {
      String it = iterator;
      GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(it).limit(1000));
      for (Record r : page.records()) {
        checkpoints.put(shardId, r.dynamodb().sequenceNumber());
        if (r.eventName() != OperationType.REMOVE && r.dynamodb().hasNewImage()) {
          out.add(toItem.apply(r.dynamodb().newImage()));
        }
      }
      // An open shard always returns a next iterator; stop once it has nothing more for now.
      iterator = page.records().isEmpty() ? null : page.nextShardIterator();
    }
  }
}
