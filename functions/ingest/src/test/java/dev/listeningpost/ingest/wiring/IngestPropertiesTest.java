package dev.listeningpost.ingest.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.feedback.testing.EnvironmentContexts;
import dev.listeningpost.feedback.wiring.ConfigDefaults;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.widget.WidgetSettings;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestPropertiesTest {

  @Test
  void aContextWithoutSettingsBindsTheDeclaredDefaults() {
    try (ApplicationContext ctx = EnvironmentContexts.start(Map.of())) {
      assertEquals(IngestProperties.Ingest.defaults(), ctx.getBean(IngestProperties.Ingest.class));
      assertEquals(IngestProperties.Widget.defaults(), ctx.getBean(IngestProperties.Widget.class));
      assertEquals(ConfigDefaults.of(IngestProperties.Secrets.class), ctx.getBean(IngestProperties.Secrets.class));
      assertEquals(new IngestSettings(1_048_576), ctx.getBean(IngestSettings.class));
      assertEquals(new IngestProperties.Secrets("env", "/listening-post/", 300), ctx.getBean(IngestProperties.Secrets.class));
    }
  }

  @Test
  void environmentVariablesBindByTheirNames() {
    Map<String, String> env = Map.of("INGEST_MAX_BODY_BYTES", "2048", "INGEST_STAFF", "slack:U1,*:@acme.com",
        "INGEST_WIDGET_MAX_TEXT_LENGTH", "100", "INGEST_WIDGET_RATE_PER_MINUTE", "6", "INGEST_WIDGET_BURST", "2",
        "SECRETS_SOURCE", "ssm", "SECRETS_PATH", "/acme/", "SECRETS_TTL_SECONDS", "60");
    try (ApplicationContext ctx = EnvironmentContexts.start(env)) {
      assertEquals(new IngestProperties.Ingest(2048, "slack:U1,*:@acme.com"), ctx.getBean(IngestProperties.Ingest.class));
      assertEquals(new WidgetSettings(100, 6, 2), ctx.getBean(WidgetSettings.class));
      assertEquals(new IngestProperties.Secrets("ssm", "/acme/", 60), ctx.getBean(IngestProperties.Secrets.class));
    }
  }

  @Test
  void theContextFreeBindingReadsTheSameNames() {
    assertEquals(new IngestProperties.Widget(100, 30, 10),
        ConfigDefaults.fromEnvironment(IngestProperties.Widget.class, Map.of("INGEST_WIDGET_MAX_TEXT_LENGTH", "100")));
  }
}
