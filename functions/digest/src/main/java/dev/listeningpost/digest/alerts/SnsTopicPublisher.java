package dev.listeningpost.digest.alerts;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Publishes to an Amazon SNS topic. */
public class SnsTopicPublisher implements SnsPublisher {
  private final SnsClient sns;
  private final String topicArn;

  public SnsTopicPublisher(SnsClient sns, String topicArn) {
    this.sns = sns;
    this.topicArn = topicArn;
  }

  @Override
  public String publish(AlertNotification n) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    n.attributes().forEach((k, v) -> attributes.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
    try {
      return sns.publish(b -> b.topicArn(topicArn).subject(n.subject()).message(n.message())
          .messageAttributes(attributes)).messageId();
    } catch (SdkException e) {
      throw new AlertDeliveryException("SNS did not accept alert " + n.key() + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
