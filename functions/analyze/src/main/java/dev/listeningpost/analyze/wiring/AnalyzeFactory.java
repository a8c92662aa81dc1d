package dev.listeningpost.analyze.wiring;

import dev.listeningpost.analyze.embed.Embedder;
import dev.listeningpost.analyze.embed.MiniLmEmbedder;
import dev.listeningpost.analyze.themes.ThemeAssigner;
import dev.listeningpost.analyze.themes.ThemeJob;
import dev.listeningpost.analyze.themes.ThemeQueryService;
import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.analyze.themes.store.FeedbackEmbeddings;
import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.store.FeedbackStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires embeddings and themes from configuration. Properties (environment variables in brackets):
 * {@code theme.table} (THEME_TABLE, default listening-post-themes), {@code theme.sample-capacity},
 * {@code theme.min-size}, {@code theme.assign-threshold}, {@code theme.sticky-margin},
 * {@code theme.merge-similarity}, {@code theme.recency-days}, {@code theme.refresh-seconds}
 * (how often the stream re-reads themes), {@code theme.initial-lookback-days},
 * {@code theme.settle-minutes}, {@code theme.min-cohesion} (how broad a theme may be),
 * {@code theme.brand-terms} (THEME_BRAND_TERMS: the company's names, handles and hashtags, comma-separated;
 * authors with these handles are not customers and labels never use them), {@code embed.threads} (0 = one per processor). The {@link Clock} comes
 * from the feedback module's wiring.
 */
@Factory
public class AnalyzeFactory {

  @Singleton
  ThemeSettings themeSettings(@Value("${theme.sample-capacity:3000}") int capacity,
                              @Value("${theme.min-size:3}") int minSize,
                              @Value("${theme.assign-threshold:0.5}") double threshold,
                              @Value("${theme.sticky-margin:0.05}") double margin,
                              @Value("${theme.merge-similarity:0.9}") double merge,
                              @Value("${theme.recency-days:30}") double recencyDays,
                              @Value("${theme.min-cohesion:" + ThemeSettings.DEFAULT_MIN_COHESION + "}") double cohesion,
                              @Value("${theme.brand-terms:}") String brandTerms) {
    ThemeSettings d = ThemeSettings.defaults();
    return new ThemeSettings(capacity, minSize, threshold, margin, merge, d.refineRounds(), recencyDays, d.quotes(),
        d.labelTerms(), cohesion, ThemeSettings.parseBrandTerms(brandTerms));
  }

  @Singleton
  @Bean(preDestroy = "close")
  MiniLmEmbedder embedder(@Value("${embed.threads:0}") int threads) {
    return new MiniLmEmbedder(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
  }

  @Singleton
  ThemeStore themeStore(DynamoDbClient dynamo, @Value("${theme.table:listening-post-themes}") String table) {
    return new ThemeStore(dynamo, table);
  }

  @Singleton
  ThemeAssigner themeAssigner(ThemeStore store, ThemeSettings settings, Clock clock,
                              @Value("${theme.refresh-seconds:300}") long refreshSeconds) {
    return new ThemeAssigner(store, settings, clock, Duration.ofSeconds(refreshSeconds));
  }

  @Singleton
  ThemeJob themeJob(FeedbackStore feedback, ThemeStore store, DynamoDbClient dynamo, Embedder embedder,
                    ThemeSettings settings, Clock clock,
                    @Value("${theme.initial-lookback-days:30}") int lookbackDays,
                    @Value("${theme.settle-minutes:10}") int settleMinutes) {
    return new ThemeJob(feedback, store, new FeedbackEmbeddings(dynamo, feedback.tableName()), embedder, settings,
        clock, Duration.ofDays(lookbackDays), Duration.ofMinutes(settleMinutes));
  }

  @Singleton
  ThemeQueryService themeQueryService(ThemeStore store, FeedbackStore feedback) {
    return new ThemeQueryService(store, feedback);
  }
}
