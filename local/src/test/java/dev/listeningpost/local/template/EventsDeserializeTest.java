package dev.listeningpost.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.listeningpost.digest.DigestRequest;
import dev.listeningpost.local.invoke.CfnYaml;
import dev.listeningpost.local.invoke.FunctionSpec;
import dev.listeningpost.local.invoke.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample Lambda event in events/ binds, as the Lambda Java runtime binds it, to the input type
 * of its function's handler without losing a field, and carries the fields the handler reads
 * ({@link EventCheck}); so does the {@code Input} each schedule of the template sends.
 */
class EventsDeserializeTest {
  private static Map<String, FunctionSpec> functions;

  @BeforeAll
  static void load() throws IOException {
    functions = SamTemplate.load(SampleEvents.ROOT.resolve("template.yaml")).functions();
  }

  static Stream<SampleEvents.SampleEvent> sampleEvents() {
    return SampleEvents.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleEvents")
  void everySampleEventBindsWholeToItsFunctionsEventType(SampleEvents.SampleEvent event) throws IOException {
    FunctionSpec fn = functions.get(event.function());

    List<String> problems = EventCheck.problems(Files.readAllBytes(event.path()), EventCheck.inputType(fn));

    assertEquals(List.of(), problems, () -> event.file() + " as the event of " + fn.logicalId() + " (" + fn.handler() + ")");
  }

  @Test
  void theSampleEventsCoverEveryFunction() {
    assertEquals(functions.keySet(), new java.util.TreeSet<>(SampleEvents.FUNCTION_OF_FOLDER.values()));
    assertTrue(SampleEvents.all().size() >= functions.size());
  }

  @Test
  void theEventTypesAreTheHandlersTypeArguments() {
    assertEquals(APIGatewayV2HTTPEvent.class, EventCheck.inputType(functions.get("IngestFunction")));
    assertEquals(DynamodbEvent.class, EventCheck.inputType(functions.get("AnalyzeFunction")));
    assertEquals(ScheduledEvent.class, EventCheck.inputType(functions.get("ThemesFunction")));
    assertEquals(DigestRequest.class, EventCheck.inputType(functions.get("DigestFunction")));
    assertEquals(dev.listeningpost.digest.AlertsRequest.class, EventCheck.inputType(functions.get("AlertsFunction")));
  }

  /** What a schedule delivers is its Input, not the sample file: it must bind too. */
  @Test
  void everyScheduleInputBindsToItsFunctionsEventType() throws IOException {
    Map<String, Object> resources = map(CfnYaml.load(SampleEvents.ROOT.resolve("template.yaml")).get("Resources"));
    Map<String, List<String>> problems = new TreeMap<>();
    int schedules = 0;
    for (FunctionSpec fn : functions.values()) {
      for (Object raw : map(map(map(resources.get(fn.logicalId())).get("Properties")).get("Events")).values()) {
        Map<String, Object> ev = map(raw);
        if (!String.valueOf(ev.get("Type")).startsWith("Schedule")) {
          continue;
        }
        schedules++;
        Object input = map(ev.get("Properties")).get("Input");
        List<String> p = EventCheck.problems(String.valueOf(input == null ? "{}" : input).getBytes(StandardCharsets.UTF_8),
            EventCheck.inputType(fn));
        if (!p.isEmpty()) {
          problems.put(fn.logicalId(), p);
        }
      }
    }
    assertEquals(3, schedules, "the themes, digest and alerts schedules");
    assertEquals(Map.of(), problems);
  }

  @Test
  void aStreamBatchIsNoEventOfTheWebhookFunction() throws IOException {
    byte[] stream = Files.readAllBytes(SampleEvents.ROOT.resolve("events/analyze/stream-batch.json"));

    List<String> problems = EventCheck.problems(stream, EventCheck.inputType(functions.get("IngestFunction")));

    assertTrue(problems.contains("field Records is dropped by the binding (unknown to the event type, or misspelt)"),
        problems::toString);
    assertTrue(problems.containsAll(List.of("no requestContext.http.method", "no rawPath")), problems::toString);
  }

  @Test
  void aWebhookEventIsNoEventOfTheStreamFunction() throws IOException {
    byte[] webhook = Files.readAllBytes(SampleEvents.ROOT.resolve("events/ingest/apigw/slack-message.json"));

    List<String> problems = EventCheck.problems(webhook, EventCheck.inputType(functions.get("AnalyzeFunction")));

    assertTrue(problems.contains("no Records"), problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("field rawPath is dropped")), problems::toString);
  }

  @Test
  void aMisspeltFieldIsReported() {
    byte[] digest = "{\"periode\": \"2026-W47\"}".getBytes(StandardCharsets.UTF_8);

    List<String> problems = EventCheck.problems(digest, EventCheck.inputType(functions.get("DigestFunction")));

    assertEquals(List.of("field periode is dropped by the binding (unknown to the event type, or misspelt)"), problems);
  }

  @Test
  void aKeyFieldInTheWrongCaseIsReported() throws IOException {
    String webhook = Files.readString(SampleEvents.ROOT.resolve("events/api/feedback-get.json")).replace("\"rawPath\"", "\"rawpath\"");

    List<String> problems = EventCheck.problems(webhook.getBytes(StandardCharsets.UTF_8),
        EventCheck.inputType(functions.get("ReadApiFunction")));

    assertEquals(List.of("field rawpath is dropped by the binding (unknown to the event type, or misspelt)", "no rawPath"),
        problems);
  }

  @Test
  void aStreamRecordWithoutItsImageIsReported() {
    String record = "{\"Records\": [{\"eventName\": \"INSERT\", \"dynamodb\": {\"Keys\": {\"id\": {\"S\": \"a\"}},"
        + " \"SequenceNumber\": \"1\"}}]}";

    List<String> problems = EventCheck.problems(record.getBytes(StandardCharsets.UTF_8),
        EventCheck.inputType(functions.get("AnalyzeFunction")));

    assertEquals(List.of("Records[0]: a INSERT record without dynamodb.NewImage"), problems);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
