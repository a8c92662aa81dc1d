package dev.listeningpost.feedback.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynoxideExtension.class)
class CapacityInterceptorIT {

  @Test
  void callsThatDoNotAskForCapacityAreCountedByOperationAndStoreCallsOnlyOnce() {
    CapacityMeter meter = new CapacityMeter();
    DynamoDbClient plain = DynoxideExtension.client();
    String table = DynoxideExtension.newFeedbackTable(plain);
    DynamoDbClient metered = AwsEndpoints.configure(DynamoDbClient.builder(), DynoxideExtension.endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(new CapacityInterceptor(meter)))
        .build();
    metered.putItem(b -> b.tableName(table).item(Map.of(FeedbackTable.ID, AttributeValue.fromS("x1"),
        FeedbackTable.TEXT, AttributeValue.fromS("hello"))));
    metered.getItem(b -> b.tableName(table).key(Map.of(FeedbackTable.ID, AttributeValue.fromS("x1"))));

    FeedbackStore store = new FeedbackStore(metered, table, FeedbackSchema.create(Duration.ZERO), meter);
    store.create(FeedbackCapacityIT.slackMessage());
    store.find(FeedbackCapacityIT.slackMessage().id());

    Map<String, CapacityMeter.Usage> usage = meter.snapshot();
    assertEquals(1, usage.get("dynamodb.PutItem").calls());
    assertEquals(1, usage.get("dynamodb.GetItem").calls());
    assertEquals(1, usage.get(FeedbackStore.PUT).calls(), "the store's own name, not dynamodb.PutItem as well");
    assertEquals(1, usage.get("feedback.get").calls());
    assertTrue(usage.get("dynamodb.PutItem").units() >= 1 || usage.get("dynamodb.PutItem").unreported() == 1);
    assertFalse(usage.containsKey("dynamodb.DescribeTable"), "calls without capacity are not counted");
  }
}
