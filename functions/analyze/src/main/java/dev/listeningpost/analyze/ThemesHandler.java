package dev.listeningpost.analyze;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.listeningpost.analyze.themes.ThemeJob;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nightly theme re-cluster, run by a schedule. Handler string:
 * {@code dev.listeningpost.analyze.ThemesHandler}. Returns the run's report as plain values.
 */
public class ThemesHandler extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

  @Inject
  ThemeJob job;

  public ThemesHandler() {
  }

  public ThemesHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public Map<String, Object> execute(ScheduledEvent event) {
    ThemeJob.Report r = job.run();
    // Plain values only, so the runtime's serializer needs no introspection of domain types.
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", String.valueOf(r.from()));
    out.put("until", String.valueOf(r.until()));
    out.put("newItems", r.newItems());
    out.put("sample", r.sample());
    out.put("activeThemes", r.activeThemes());
    out.put("newThemes", r.newThemes());
    out.put("retiredThemes", r.retiredThemes());
    out.put("unassigned", r.unassigned());
    out.put("reassigned", r.reassigned());
    out.put("millis", r.millis());
    return out;
  }
}
