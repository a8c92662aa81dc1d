package dev.listeningpost.digest.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.feedback.testing.EnvironmentContexts;
import dev.listeningpost.feedback.voice.CustomerVoice;
import dev.listeningpost.feedback.wiring.ConfigDefaults;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestPropertiesTest {

  @Test
  void aContextWithoutSettingsBindsTheDeclaredDefaults() {
    try (ApplicationContext ctx = EnvironmentContexts.start(Map.of())) {
      assertEquals(DigestProperties.Digest.defaults(), ctx.getBean(DigestProperties.Digest.class));
      assertEquals(ConfigDefaults.of(DigestProperties.Ses.class), ctx.getBean(DigestProperties.Ses.class));
      assertEquals(new ComposeOptions(3, Duration.ofHours(48), 8), ctx.getBean(ComposeOptions.class));
      assertEquals(CustomerVoice.STAFF_ONLY, ctx.getBean(CustomerVoice.class));
      assertEquals(ZoneId.of("UTC"), ctx.getBean(DigestSettings.class).zone());
    }
  }

  @Test
  void environmentVariablesBindByTheirNames() {
    Map<String, String> env = Map.of("DIGEST_SENDER", "digest@acme.com", "DIGEST_RECIPIENTS", "a@acme.com,b@acme.com",
        "DIGEST_TIME_ZONE", "Europe/Paris", "DIGEST_REPLY_SLA", "24h", "DIGEST_LIST_LIMIT", "5",
        "SES_ENDPOINT", "http://localhost:8005", "DIGEST_CAMPAIGNS", "#launch, free trial",
        "DIGEST_PUBLIC_BASE_URL", "https://api.acme.com/", "THEME_BRAND_TERMS", "Acme,@AcmeHelp");
    try (ApplicationContext ctx = EnvironmentContexts.start(env)) {
      assertEquals(new DigestSettings(ZoneId.of("Europe/Paris"), "digest@acme.com", List.of("a@acme.com", "b@acme.com")),
          ctx.getBean(DigestSettings.class));
      assertEquals(new ComposeOptions(3, Duration.ofHours(24), 5, List.of("#launch", "free trial"),
          "https://api.acme.com"), ctx.getBean(ComposeOptions.class));
      assertEquals(CustomerVoice.of("acme, acmehelp"), ctx.getBean(CustomerVoice.class), "the brand is not a customer");
      assertEquals("http://localhost:8005", ctx.getBean(DigestProperties.Ses.class).endpoint());
    }
  }

  @Test
  void theContextFreeBindingReadsTheSameNames() {
    assertEquals(Duration.ofMinutes(90), ConfigDefaults.fromEnvironment(DigestProperties.Digest.class,
        Map.of("DIGEST_REPLY_SLA", "90m")).replySla());
  }
}
