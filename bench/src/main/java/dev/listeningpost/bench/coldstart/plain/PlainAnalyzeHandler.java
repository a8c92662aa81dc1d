package dev.listeningpost.bench.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import dev.listeningpost.analyze.AnalyzeService;
import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.sentiment.BlendedScorer;
import dev.listeningpost.analyze.themes.ThemeAssigner;
import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.analyze.wiring.AnalyzePriming;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cold-start baseline of {@code dev.listeningpost.analyze.AnalyzeHandler}: the same stream-record mapping,
 * {@link AnalyzeService} (sentiment, ONNX embedding loaded on first use, theme assignment, conditional update)
 * and priming hook, wired by hand.
 */
public class PlainAnalyzeHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final AnalyzeService service;
  private final TableSchema<Feedback> schema;

  public PlainAnalyzeHandler() {
    PlainWiring w = new PlainWiring(System.getenv());
    Clock clock = Clock.systemUTC();
    FeedbackStore store = w.feedbackStore();
    this.schema = FeedbackSchema.create(Duration.ofDays(Long.parseLong(w.get("FEEDBACK_RETENTION_DAYS", "730"))));
    AnalyzeProperties.Theme theme = PlainDefaults.Analyze.THEME;
    ThemeSettings settings = theme.settings().withBrandTerms(ThemeSettings.parseBrandTerms(w.get("THEME_BRAND_TERMS", "")));
    ThemeStore themes = new ThemeStore(w.dynamo, w.themeTable());
    MiniLmEmbedder embedder = new MiniLmEmbedder(Runtime.getRuntime().availableProcessors());
    BlendedScorer sentiment = new BlendedScorer();
    this.service = new AnalyzeService(store, sentiment, embedder, new ThemeAssigner(themes, settings, clock,
        theme.refreshEvery()), clock, PlainDefaults.Analyze.ANALYZE.writeConcurrency());
    AnalyzePriming.analyze(embedder, sentiment, store, themes);
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    // The same mapping as AnalyzeHandler.execute.
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    List<Feedback> items = new ArrayList<>();
    Map<String, List<String>> sequencesById = new HashMap<>();
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords() == null ? List.<DynamodbEvent.DynamodbStreamRecord>of()
        : event.getRecords()) {
      String seq = r.getDynamodb() == null ? null : r.getDynamodb().getSequenceNumber();
      if ("REMOVE".equals(r.getEventName()) || r.getDynamodb() == null || r.getDynamodb().getNewImage() == null) {
        continue;
      }
      try {
        Map<String, AttributeValue> image = DynamodbAttributeValueTransformer.toAttributeValueMapV2(
            r.getDynamodb().getNewImage());
        Feedback f = schema.mapToItem(image);
        items.add(f);
        sequencesById.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(seq);
      } catch (RuntimeException e) {
        failures.add(new StreamsEventResponse.BatchItemFailure(seq));
      }
    }
    Set<String> failedIds = new LinkedHashSet<>();
    for (AnalyzeService.Outcome o : service.process(items)) {
      if (o.failed()) {
        failedIds.add(o.id());
      }
    }
    for (String id : failedIds) {
      sequencesById.getOrDefault(id, List.of()).forEach(s -> failures.add(new StreamsEventResponse.BatchItemFailure(s)));
    }
    return new StreamsEventResponse(failures);
  }
}
