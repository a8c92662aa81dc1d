package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.local.invoke.SamTemplate;
import dev.listeningpost.local.schedule.LocalScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --schedules: the template's schedules run the same jobs as POST /local/jobs/*. */
class LocalSchedulesTest {
  private static final Path TEMPLATE = Path.of(System.getProperty("lp.root", "..")).resolve("template.yaml");
  private final List<String> calls = new ArrayList<>();
  private final LocalJobs jobs = request -> {
    calls.add(request.method() + " " + request.path() + " " + request.query());
    return HttpResponse.json(200, "{}");
  };

  @Test
  void everyScheduleOfTheTemplateHasALocalJob() throws IOException {
    SamTemplate template = SamTemplate.load(TEMPLATE);
    Options options = Options.parse(new String[] {"--schedules", "--parameter-overrides", "TimeZone=Europe/Paris"});
    LocalScheduler scheduler = LocalPipeline.schedules(template, options, Map.of(), jobs,
        Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));
    try {
      assertEquals(List.of("AlertsFunction Europe/Paris", "DigestFunction Europe/Paris", "ThemesFunction Europe/Paris"),
          scheduler.planned().stream().map(p -> p.functionId() + " " + p.timeZone()).toList());
    } finally {
      scheduler.close();
    }
  }

  @Test
  void theDigestTimeZoneOfTheEnvironmentIsTheSchedulesZoneUnlessOverridden() throws IOException {
    SamTemplate template = SamTemplate.load(TEMPLATE);
    Clock clock = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    try (LocalScheduler s = LocalPipeline.schedules(template, Options.parse(new String[] {"--schedules"}),
        Map.of("DIGEST_TIME_ZONE", "Asia/Tokyo"), jobs, clock)) {
      assertEquals("Asia/Tokyo", s.planned().get(0).timeZone());
    }
  }

  @Test
  void theDigestScheduleInputSelectsThePeriod() {
    Map<String, java.util.function.Consumer<String>> scheduled = LocalPipeline.scheduledJobs(jobs);
    scheduled.get("DigestFunction").accept("{}");
    scheduled.get("DigestFunction").accept("{\"period\":\"2026-W47\"}");
    scheduled.get("ThemesFunction").accept("{}");
    assertEquals(List.of("POST /local/jobs/digest {}", "POST /local/jobs/digest {period=2026-W47}",
        "POST /local/jobs/themes {}"), calls);
  }

  @Test
  void theAlertsScheduleRunsTheAlertsJobNowOrAtTheGivenTime() {
    Map<String, java.util.function.Consumer<String>> scheduled = LocalPipeline.scheduledJobs(jobs);
    scheduled.get("AlertsFunction").accept("{\"at\":\"<aws.scheduler.scheduled-time>\"}");
    scheduled.get("AlertsFunction").accept("{\"at\":\"2026-11-17T11:05:00Z\"}");
    assertEquals(List.of("POST /local/jobs/alerts {}", "POST /local/jobs/alerts {at=2026-11-17T11:05:00Z}"), calls);
  }

  @Test
  void optionsReadTheScheduleFlags() {
    Options o = Options.parse(new String[] {"--schedules", "--parameter-overrides", "ThemesSchedule=\"rate(15 minutes)\""});
    assertEquals(true, o.schedules());
    assertEquals(Map.of("ThemesSchedule", "rate(15 minutes)"), o.parameterOverrides());
    assertEquals(false, Options.parse(new String[] {}).schedules());
  }
}
