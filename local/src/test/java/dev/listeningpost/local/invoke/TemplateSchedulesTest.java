package dev.listeningpost.local.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateSchedulesTest {
  private static final Path ROOT = Path.of(System.getProperty("lp.root", "..")).toAbsolutePath().normalize();

  @Test
  void theTemplatesSchedulesResolveTheirParameters() throws IOException {
    SamTemplate template = SamTemplate.load(ROOT.resolve("template.yaml"));
    Map<String, String> parameters = new HashMap<>(template.parameterDefaults());
    parameters.put("TimeZone", "Europe/Paris");
    assertEquals(List.of(
            new FunctionSchedule("AlertsFunction", "Hourly", "cron(5 * * * ? *)", "Europe/Paris",
                "{\"at\":\"<aws.scheduler.scheduled-time>\"}"),
            new FunctionSchedule("DigestFunction", "Weekly", "cron(0 8 ? * MON *)", "Europe/Paris", "{}"),
            new FunctionSchedule("ThemesFunction", "Nightly", "cron(30 2 * * ? *)", "Europe/Paris", "{}")),
        template.schedules(parameters));
  }

  @Test
  void disabledSchedulesAndOtherEventsAreLeftOut() {
    SamTemplate template = SamTemplate.read(new StringReader("""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B
              Events:
                Paused:
                  Type: ScheduleV2
                  Properties: { ScheduleExpression: "rate(1 hour)", State: DISABLED }
                Rule:
                  Type: Schedule
                  Properties: { Schedule: "rate(2 hours)", Input: '{"x":1}' }
                Api:
                  Type: HttpApi
                  Properties: { Path: /x, Method: GET }
        """));
    assertEquals(List.of(new FunctionSchedule("Fn", "Rule", "rate(2 hours)", "UTC", "{\"x\":1}")), template.schedules(Map.of()));
  }
}
