package dev.listeningpost.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.local.invoke.FunctionSpec;
import dev.listeningpost.local.invoke.SamTemplate;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every function's Handler in template.yaml names a class compiled in that function's CodeUri
 * module, constructible by the Lambda runtime, with the method the runtime calls. Needs the
 * function modules compiled (the reactor build compiles them before this module's tests).
 */
class TemplateHandlersTest {
  private static Map<String, FunctionSpec> functions;
  private final HandlerCheck check = new HandlerCheck(SampleEvents.ROOT, getClass().getClassLoader());

  @BeforeAll
  static void load() throws IOException {
    functions = SamTemplate.load(SampleEvents.ROOT.resolve("template.yaml")).functions();
  }

  @Test
  void everyHandlerIsBuiltInItsFunctionsCodeUriModule() {
    assertEquals(7, functions.size(), () -> functions.keySet().toString());
    Map<String, List<String>> problems = new TreeMap<>();
    functions.forEach((id, fn) -> {
      List<String> p = check.problems(fn);
      if (!p.isEmpty()) {
        problems.put(id, p);
      }
    });
    assertEquals(Map.of(), problems);
  }

  @Test
  void aClassThatDoesNotExistIsReported() {
    List<String> problems = check.problems(withHandler("IngestFunction", "dev.listeningpost.ingest.IngestHandlr"));

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("not compiled in its CodeUri functions/ingest"), problems::toString);
  }

  @Test
  void aClassOfAnotherModuleIsReportedWithTheModuleItIsIn() {
    FunctionSpec themes = functions.get("ThemesFunction");
    FunctionSpec inDigest = new FunctionSpec(themes.logicalId(), themes.handler(), "functions/digest", themes.memoryMb(),
        themes.timeoutSeconds(), themes.environment());

    List<String> problems = check.problems(inDigest);

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("not compiled in its CodeUri functions/digest")
        && problems.get(0).contains("it is in functions/analyze"), problems::toString);
  }

  @Test
  void aMethodThatDoesNotExistIsReported() {
    List<String> problems = check.problems(withHandler("IngestFunction", "dev.listeningpost.ingest.IngestHandler::handle"));

    assertEquals(List.of("IngestFunction Handler 'dev.listeningpost.ingest.IngestHandler::handle': "
        + "dev.listeningpost.ingest.IngestHandler has no public method handle"), problems);
  }

  @Test
  void aNamedMethodWithAConcreteEventTypeIsFound() {
    // execute(APIGatewayV2HTTPEvent) has a signature the runtime calls (found, which is all this checks).
    assertEquals(List.of(), check.problems(withHandler("IngestFunction", "dev.listeningpost.ingest.IngestHandler::execute")));
  }

  @Test
  void handleRequestNamedOnAGenericHandlerIsReported() {
    List<String> problems = check.problems(withHandler("DigestFunction", "dev.listeningpost.digest.DigestHandler::handleRequest"));

    assertEquals(List.of("DigestFunction Handler 'dev.listeningpost.digest.DigestHandler::handleRequest': "
        + "dev.listeningpost.digest.DigestHandler.handleRequest takes a generic event parameter the runtime cannot bind; "
        + "name the class alone"), problems);
  }

  @Test
  void aClassThatIsNoHandlerNeedsAMethod() {
    List<String> problems = check.problems(withHandler("IngestFunction", "dev.listeningpost.ingest.IngestMetrics"));

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("implements neither RequestHandler nor RequestStreamHandler"), problems::toString);
  }

  @Test
  void aClassTheRuntimeCannotConstructIsReported() {
    // WebhookService has only an injection constructor: the runtime could not build it.
    List<String> problems = check.problems(withHandler("IngestFunction", "dev.listeningpost.ingest.WebhookService::handle"));

    assertTrue(problems.stream().anyMatch(p -> p.contains("has no public no-arg constructor")), problems::toString);
  }

  private static FunctionSpec withHandler(String id, String handler) {
    FunctionSpec fn = functions.get(id);
    return new FunctionSpec(fn.logicalId(), handler, fn.codeUri(), fn.memoryMb(), fn.timeoutSeconds(), fn.environment());
  }
}
