package dev.listeningpost.analyze;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import dev.listeningpost.feedback.Feedback;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The feedback table's stream consumer. Turns each INSERT/MODIFY record's new image into a
 * {@link Feedback}, lets {@link AnalyzeService} enrich the batch, and reports the sequence numbers
 * of records that failed, so Lambda retries (and bisects) only those and finally sends a record
 * that keeps failing to the on-failure queue. Handler string: {@code dev.listeningpost.analyze.AnalyzeHandler}.
 */
public class AnalyzeHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeHandler.class);

  @Inject
  AnalyzeService service;

  @Inject
  TableSchema<Feedback> schema;

  public AnalyzeHandler() {
  }

  public AnalyzeHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public StreamsEventResponse execute(DynamodbEvent event) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    List<Feedback> items = new ArrayList<>();
    Map<String, List<String>> sequencesById = new HashMap<>();
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords() == null ? List.<DynamodbEvent.DynamodbStreamRecord>of()
        : event.getRecords()) {
      String seq = r.getDynamodb() == null ? null : r.getDynamodb().getSequenceNumber();
      if ("REMOVE".equals(r.getEventName()) || r.getDynamodb() == null || r.getDynamodb().getNewImage() == null) {
        continue;
      }
      try {
        Map<String, AttributeValue> image = DynamodbAttributeValueTransformer.toAttributeValueMapV2(
            r.getDynamodb().getNewImage());
        Feedback f = schema.mapToItem(image);
        items.add(f);
        sequencesById.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(seq);
      } catch (RuntimeException e) {
        LOG.warn("stream record {} could not be read: {}", seq, e.toString());
        failures.add(new StreamsEventResponse.BatchItemFailure(seq));
      }
    }
    Set<String> failedIds = new LinkedHashSet<>();
    for (AnalyzeService.Outcome o : service.process(items)) {
      if (o.failed()) {
        failedIds.add(o.id());
      }
    }
    for (String id : failedIds) {
      sequencesById.getOrDefault(id, List.of()).forEach(s -> failures.add(new StreamsEventResponse.BatchItemFailure(s)));
    }
    return new StreamsEventResponse(failures);
  }
}
