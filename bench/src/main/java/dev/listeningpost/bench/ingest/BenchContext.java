package dev.listeningpost.bench.ingest;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * A Lambda {@link Context} for in-JVM invocation. The runtime client builds a new one for every
 * invocation; so does the warm benchmark, because per-invocation work keyed on it (Micronaut registers
 * it as a bean on every call) is part of what is measured.
 */
public final class BenchContext implements Context {
  private static final LambdaLogger LOGGER = new LambdaLogger() {
    @Override
    public void log(String message) {
      System.err.print(message);
    }

    @Override
    public void log(byte[] message) {
      System.err.print(new String(message, StandardCharsets.UTF_8));
    }
  };

  private final String requestId;
  private final long deadlineMillis;

  public BenchContext(String requestId) {
    this.requestId = requestId;
    this.deadlineMillis = System.currentTimeMillis() + 30_000;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/listening-post-ingest";
  }

  @Override
  public String getLogStreamName() {
    return "bench";
  }

  @Override
  public String getFunctionName() {
    return "listening-post-ingest";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return RuntimeApiEmulator.FUNCTION_ARN;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return LOGGER;
  }
}
