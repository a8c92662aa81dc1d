package dev.listeningpost.bench.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.themes.ThemeJob;
import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.analyze.themes.store.FeedbackEmbeddings;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.analyze.wiring.AnalyzePriming;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.store.FeedbackStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Cold-start baseline of {@code dev.listeningpost.analyze.ThemesHandler}: the same {@link ThemeJob}, wired by hand. */
public class PlainThemesHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
  private final ThemeJob job;

  public PlainThemesHandler() {
    PlainWiring w = new PlainWiring(System.getenv());
    FeedbackStore feedback = w.feedbackStore();
    AnalyzeProperties.Theme theme = PlainDefaults.Analyze.THEME;
    ThemeSettings settings = theme.settings().withBrandTerms(ThemeSettings.parseBrandTerms(w.get("THEME_BRAND_TERMS", "")));
    ThemeStore store = new ThemeStore(w.dynamo, w.themeTable());
    AnalyzePriming.themes(feedback, store);
    this.job = new ThemeJob(feedback, store, new FeedbackEmbeddings(w.dynamo, feedback.tableName()),
        new MiniLmEmbedder(Runtime.getRuntime().availableProcessors()), settings, Clock.systemUTC(),
        theme.initialLookback(), theme.settle());
  }

  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    ThemeJob.Report r = job.run();
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
