package dev.listeningpost.analyze.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.analyze.themes.ThemeSettings;
import dev.listeningpost.feedback.testing.EnvironmentContexts;
import dev.listeningpost.feedback.wiring.ConfigDefaults;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzePropertiesTest {

  @Test
  void aContextWithoutSettingsBindsTheDeclaredDefaults() {
    try (ApplicationContext ctx = EnvironmentContexts.start(Map.of())) {
      assertEquals(AnalyzeProperties.Theme.defaults(), ctx.getBean(AnalyzeProperties.Theme.class));
      assertEquals(ConfigDefaults.of(AnalyzeProperties.Embed.class), ctx.getBean(AnalyzeProperties.Embed.class));
      assertEquals(AnalyzeProperties.Theme.defaults().settings(), ctx.getBean(ThemeSettings.class));
      assertEquals(0.45, ctx.getBean(ThemeSettings.class).minCohesion());
      assertEquals(Duration.ofMinutes(10), ctx.getBean(AnalyzeProperties.Theme.class).settle());
    }
  }

  @Test
  void environmentVariablesBindByTheirNames() {
    Map<String, String> env = Map.of("THEME_MIN_COHESION", "0.3", "THEME_MIN_SIZE", "5",
        "THEME_BRAND_TERMS", "Acme, @AcmeHelp, #acme", "THEME_SETTLE_MINUTES", "0", "EMBED_THREADS", "2");
    try (ApplicationContext ctx = EnvironmentContexts.start(env)) {
      ThemeSettings s = ctx.getBean(ThemeSettings.class);
      assertEquals(0.3, s.minCohesion());
      assertEquals(5, s.minThemeSize());
      assertEquals(List.of("acme", "acmehelp"), s.brandTerms());
      assertEquals(Duration.ZERO, ctx.getBean(AnalyzeProperties.Theme.class).settle());
      assertEquals(2, ctx.getBean(AnalyzeProperties.Embed.class).effectiveThreads());
    }
  }

  @Test
  void theContextFreeBindingReadsTheSameNames() {
    assertEquals(0.3, ConfigDefaults.fromEnvironment(AnalyzeProperties.Theme.class, Map.of("THEME_MIN_COHESION", "0.3"))
        .settings().minCohesion());
  }
}
