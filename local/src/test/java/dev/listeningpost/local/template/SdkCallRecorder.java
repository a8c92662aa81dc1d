package dev.listeningpost.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Records every AWS SDK v2 request made in this JVM while a recording is open, whichever client made
 * it: the SDK loads this interceptor for every client it builds because the test classpath lists it
 * in {@code software/amazon/awssdk/global/handlers/execution.interceptors} (test scope only: the
 * local jar never carries it). Outside a recording it does nothing.
 *
 * <p>The request is recorded before it is sent, so a call counts even when the emulator rejects it.
 */
public final class SdkCallRecorder implements ExecutionInterceptor {
  /** SDK service names whose IAM prefix is not their lower-cased name. */
  private static final Map<String, String> IAM_PREFIX = Map.of(
      "dynamodb streams", "dynamodb",
      "dynamodbstreams", "dynamodb",
      "sesv2", "ses");

  private static final List<AwsCall> CALLS = new ArrayList<>();
  private static boolean recording;

  /** Starts recording, forgetting earlier calls. */
  static synchronized void start() {
    CALLS.clear();
    recording = true;
  }

  /** Stops recording and returns what was called since {@link #start()}, in order. */
  static synchronized List<AwsCall> stop() {
    recording = false;
    List<AwsCall> out = List.copyOf(CALLS);
    CALLS.clear();
    return out;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    synchronized (SdkCallRecorder.class) {
      if (!recording) {
        return;
      }
    }
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    AwsCall call = new AwsCall(iamPrefix(service), operation, region == null ? "" : region.id(),
        fields(context.request()));
    synchronized (SdkCallRecorder.class) {
      if (recording) {
        CALLS.add(call);
      }
    }
  }

  static String iamPrefix(String sdkServiceName) {
    String name = sdkServiceName == null ? "" : sdkServiceName.toLowerCase(Locale.ROOT);
    return IAM_PREFIX.getOrDefault(name, name.replace(" ", ""));
  }

  /** A request (or nested structure) as plain maps and lists, by API member name; unset members left out. */
  static Map<String, Object> fields(SdkPojo pojo) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (SdkField<?> f : pojo.sdkFields()) {
      Object v = plain(f.getValueOrDefault(pojo));
      if (v != null) {
        out.put(f.memberName(), v);
      }
    }
    return out;
  }

  private static Object plain(Object v) {
    if (v instanceof SdkPojo p) {
      return fields(p);
    }
    if (v instanceof List<?> l) {
      // SDK auto-construct lists stand for "not set".
      if (l instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>) {
        return null;
      }
      return l.stream().map(SdkCallRecorder::plain).toList();
    }
    if (v instanceof Map<?, ?> m) {
      if (m instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>) {
        return null;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, value) -> out.put(String.valueOf(k), plain(value)));
      return out;
    }
    return v == null ? null : v instanceof String || v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
  }
}
