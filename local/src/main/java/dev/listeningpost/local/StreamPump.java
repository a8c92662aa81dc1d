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
 * after the last committed position, hands the new images to the analyze service as the deployed
 * function receives them, and commits the new position only once that succeeded (a failure
 * re-delivers the batch, as Lambda retries it).
 */
final class StreamPump {
  private final DynamoDbClient dynamo;
  private final DynamoDbStreamsClient streams;
  private final String table;
  private final Function<Map<String, AttributeValue>, Feedback> toItem;
  private final StreamCheckpoints checkpoints;

  StreamPump(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table,
             Function<Map<String, AttributeValue>, Feedback> toItem, StreamCheckpoints checkpoints) {
    this.dynamo = dynamo;
    this.streams = streams;
    this.table = table;
    this.toItem = toItem;
    this.checkpoints = checkpoints;
  }

  /** Passes the new images (INSERT and MODIFY) since the last commit, in stream order, then commits. */
  synchronized <R> R drain(Function<List<Feedback>, R> process) {
    String arn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    List<Feedback> out = new ArrayList<>();
    Map<String, String> positions = new HashMap<>();
    String lastShard = null;
    do {
      String start = lastShard;
      var desc = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(start)).streamDescription();
      for (Shard shard : desc.shards()) {
        read(arn, shard.shardId(), out, positions);
      }
      lastShard = desc.lastEvaluatedShardId();
    } while (lastShard != null);
    R result = process.apply(out);
    checkpoints.commit(positions, arn);
    return result;
  }

  private void read(String arn, String shardId, List<Feedback> out, Map<String, String> positions) {
    String after = checkpoints.after(arn, shardId).orElse(null);
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
        positions.put(shardId, r.dynamodb().sequenceNumber());
        if (r.eventName() != OperationType.REMOVE && r.dynamodb().hasNewImage()) {
          out.add(toItem.apply(r.dynamodb().newImage()));
        }
      }
      // An open shard always returns a next iterator; stop once it has nothing more for now.
      iterator = page.records().isEmpty() ? null : page.nextShardIterator();
    }
  }
}
