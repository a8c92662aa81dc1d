package dev.listeningpost.analyze.wiring;

import dev.listeningpost.analyze.AnalyzeService;
import dev.listeningpost.analyze.sentiment.SentimentScorer;
import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.themes.ThemeAssigner;
import dev.listeningpost.analyze.themes.ThemeJob;
import dev.listeningpost.analyze.themes.ThemeQueryService;
import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.analyze.themes.store.FeedbackEmbeddings;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.store.CapacityMeter;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.wiring.StorageProperties;
import dev.listeningpost.feedback.wiring.VoiceProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires embeddings and themes from {@link AnalyzeProperties} and the storage settings (docs/configuration.md
 * lists every setting). The {@link Clock} comes from the feedback module's wiring.
 */
@Factory
public class AnalyzeFactory {

  @Singleton
  ThemeSettings themeSettings(AnalyzeProperties.Theme theme, VoiceProperties voice) {
    return theme.settings(voice);
  }

  @Singleton
  @Bean(preDestroy = "close")
  MiniLmEmbedder embedder(AnalyzeProperties.Embed embed) {
    return new MiniLmEmbedder(embed.effectiveThreads());
  }

  @Singleton
  ThemeStore themeStore(DynamoDbClient dynamo, StorageProperties.ThemeTable table, CapacityMeter capacity) {
    return new ThemeStore(dynamo, table.table(), capacity);
  }

  @Singleton
  @Bean(preDestroy = "close")
  AnalyzeService analyzeService(FeedbackStore store, SentimentScorer sentiment, Embedder embedder, ThemeAssigner themes,
                                ThemeStore themeStore, Clock clock, AnalyzeProperties.Analyze analyze) {
    AnalyzeService service = new AnalyzeService(store, sentiment, embedder, themes, clock, analyze.writeConcurrency());
    AnalyzePriming.analyze(embedder, sentiment, store, themeStore);
    return service;
  }

  @Singleton
  ThemeAssigner themeAssigner(ThemeStore store, ThemeSettings settings, Clock clock, AnalyzeProperties.Theme theme) {
    return new ThemeAssigner(store, settings, clock, theme.refreshEvery());
  }

  @Singleton
  ThemeJob themeJob(FeedbackStore feedback, ThemeStore store, DynamoDbClient dynamo, Embedder embedder,
                    ThemeSettings settings, Clock clock, AnalyzeProperties.Theme theme) {
    AnalyzePriming.themes(feedback, store);
    return new ThemeJob(feedback, store, new FeedbackEmbeddings(dynamo, feedback.tableName(), feedback.capacity()),
        embedder, settings,
        clock, theme.initialLookback(), theme.settle());
  }

  @Singleton
  ThemeQueryService themeQueryService(ThemeStore store, FeedbackStore feedback, VoiceProperties voice) {
    return new ThemeQueryService(store, feedback, dev.listeningpost.feedback.trends.ThemeTrends.DEFAULT, voice.voice());
  }
}
