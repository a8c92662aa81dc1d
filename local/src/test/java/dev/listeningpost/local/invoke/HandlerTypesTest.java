package dev.listeningpost.local.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.listeningpost.analyze.AnalyzeHandler;
import dev.listeningpost.digest.DigestHandler;
import dev.listeningpost.digest.DigestRequest;
import dev.listeningpost.ingest.IngestHandler;
import java.lang.reflect.ParameterizedType;
import org.junit.jupiter.api.Test;

/** The handler's input and output types as the Lambda runtime finds them, through MicronautRequestHandler. */
class HandlerTypesTest {

  @Test
  void typeArgumentsBoundThroughTheSuperclass() {
    assertEquals(new HandlerTypes(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class), HandlerTypes.of(IngestHandler.class));
    assertEquals(new HandlerTypes(DynamodbEvent.class, StreamsEventResponse.class), HandlerTypes.of(AnalyzeHandler.class));
    assertEquals(DigestRequest.class, HandlerTypes.of(DigestHandler.class).input());
  }

  @Test
  void aParameterizedOutputStaysParameterized() {
    HandlerTypes themes = HandlerTypes.of(dev.listeningpost.analyze.ThemesHandler.class);
    assertEquals(java.util.Map.class, ((ParameterizedType) themes.output()).getRawType());
  }

  @Test
  void aClassThatIsNoRequestHandlerIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> HandlerTypes.of(String.class));
  }
}
