package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime hands every invocation a new Lambda Context. Micronaut's default registers each as another
 * singleton bean, which made warm calls slower and slower; the handler must not accumulate them.
 */
class IngestHandlerContextTest {

  @Test
  void invocationsDoNotRegisterTheirLambdaContextAsBeans() {
    try (ApplicationContext context = start(Map.of()); IngestHandler handler = new IngestHandler(context)) {
      invokeThreeTimes(handler);
      assertTrue(context.getBeanDefinitions(Context.class).isEmpty(),
          "Lambda Context registered as a bean " + context.getBeanDefinitions(Context.class).size() + " times");
      assertTrue(context.getBeanDefinitions(LambdaLogger.class).isEmpty());
    }
  }

  @Test
  void micronautsRegistrationCanBeRestoredAndThenPilesUp() {
    try (ApplicationContext context = start(Map.of("lambda.register-context", "true"));
         IngestHandler handler = new IngestHandler(context)) {
      invokeThreeTimes(handler);
      assertEquals(3, context.getBeanDefinitions(Context.class).size());
    }
  }

  private static ApplicationContext start(Map<String, Object> extra) {
    Map<String, Object> props = new java.util.HashMap<>(
        Map.of("dynamodb.endpoint", "http://127.0.0.1:9", "feedback.table", "unused", "secrets.source", "test"));
    props.putAll(extra);
    return ApplicationContext.builder().properties(props).singletons(new EnvironmentSecretResolver(Map.of())).start();
  }

  private static void invokeThreeTimes(IngestHandler handler) {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/not-a-webhook").withBody("").build();
    for (int i = 0; i < 3; i++) {
      // A path outside /webhooks is answered without storage, so no database is needed here.
      assertEquals(404, handler.handleRequest(event, new FakeContext("req-" + i)).getStatusCode());
    }
  }

  private record FakeContext(String getAwsRequestId) implements Context {
    @Override
    public String getLogGroupName() {
      return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
      return "test";
    }

    @Override
    public String getFunctionName() {
      return "test";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:test";
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
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
      };
    }
  }
}
