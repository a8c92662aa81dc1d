package dev.listeningpost.feedback.store;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Makes every call of a DynamoDB client report its consumed capacity into a {@link CapacityMeter},
 * so the paths that do not name their operation themselves (the digest archive, the alert store,
 * theme labels) are counted too, under "dynamodb.&lt;Operation&gt;". A request that already asks for
 * capacity ({@link FeedbackStore}, ThemeStore) records itself under its own name and is left alone
 * here, so nothing is counted twice.
 */
public final class CapacityInterceptor implements ExecutionInterceptor {
  private static final ExecutionAttribute<Boolean> OURS = new ExecutionAttribute<>("lp.capacity.requested");

  private final CapacityMeter meter;

  public CapacityInterceptor(CapacityMeter meter) {
    this.meter = meter;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest r = context.request();
    SdkRequest asked = ask(r);
    if (asked != r) {
      attributes.putAttribute(OURS, Boolean.TRUE);
    }
    return asked;
  }

  private static SdkRequest ask(SdkRequest r) {
    ReturnConsumedCapacity all = ReturnConsumedCapacity.INDEXES;
    if (r instanceof PutItemRequest p && p.returnConsumedCapacity() == null) {
      return p.toBuilder().returnConsumedCapacity(all).build();
    } else if (r instanceof UpdateItemRequest u && u.returnConsumedCapacity() == null) {
      return u.toBuilder().returnConsumedCapacity(all).build();
    } else if (r instanceof DeleteItemRequest d && d.returnConsumedCapacity() == null) {
      return d.toBuilder().returnConsumedCapacity(all).build();
    } else if (r instanceof GetItemRequest g && g.returnConsumedCapacity() == null) {
      return g.toBuilder().returnConsumedCapacity(all).build();
    } else if (r instanceof QueryRequest q && q.returnConsumedCapacity() == null) {
      return q.toBuilder().returnConsumedCapacity(all).build();
    } else if (r instanceof ScanRequest s && s.returnConsumedCapacity() == null) {
      return s.toBuilder().returnConsumedCapacity(all).build();
    } else if (r instanceof BatchGetItemRequest b && b.returnConsumedCapacity() == null) {
      return b.toBuilder().returnConsumedCapacity(all).build();
    } else if (r instanceof BatchWriteItemRequest b && b.returnConsumedCapacity() == null) {
      return b.toBuilder().returnConsumedCapacity(all).build();
    } else if (r instanceof TransactWriteItemsRequest t && t.returnConsumedCapacity() == null) {
      return t.toBuilder().returnConsumedCapacity(all).build();
    }
    return r;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (!Boolean.TRUE.equals(attributes.getAttribute(OURS))) {
      return;
    }
    String operation = "dynamodb." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    for (ConsumedCapacity c : consumed(context.response())) {
      meter.record(operation, c);
    }
  }

  private static List<ConsumedCapacity> consumed(SdkResponse r) {
    ConsumedCapacity one = null;
    if (r instanceof PutItemResponse p) {
      one = p.consumedCapacity();
    } else if (r instanceof UpdateItemResponse u) {
      one = u.consumedCapacity();
    } else if (r instanceof DeleteItemResponse d) {
      one = d.consumedCapacity();
    } else if (r instanceof GetItemResponse g) {
      one = g.consumedCapacity();
    } else if (r instanceof QueryResponse q) {
      one = q.consumedCapacity();
    } else if (r instanceof ScanResponse s) {
      one = s.consumedCapacity();
    } else if (r instanceof BatchGetItemResponse b) {
      return b.hasConsumedCapacity() ? b.consumedCapacity() : java.util.Collections.singletonList(null);
    } else if (r instanceof BatchWriteItemResponse b) {
      return b.hasConsumedCapacity() ? b.consumedCapacity() : java.util.Collections.singletonList(null);
    } else if (r instanceof TransactWriteItemsResponse t) {
      return t.hasConsumedCapacity() ? t.consumedCapacity() : java.util.Collections.singletonList(null);
    }
    return java.util.Collections.singletonList(one);
  }
}
