package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.wiring.StorageProperties;
import dev.listeningpost.ingest.wiring.IngestProperties;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local stack binds its environment map as the functions bind theirs, under its few overrides. */
class LocalPipelineSettingsTest {
  private static final Map<String, Object> OVERRIDES = LocalPipeline.overrides(Path.of("/tmp/lp-data"), "http://127.0.0.1:9");

  @Test
  void theEnvironmentMapReachesTheFunctionsSettings() {
    Map<String, String> env = Map.of("DIGEST_SENDER", "digest@acme.com", "DIGEST_RECIPIENTS", "a@acme.com, b@acme.com",
        "DIGEST_TIME_ZONE", "Europe/Paris", "THEME_MIN_COHESION", "0.3", "FEEDBACK_TABLE", "acme-feedback");
    try (ApplicationContext ctx = LocalPipeline.context(env, OVERRIDES)) {
      assertEquals(new DigestSettings(ZoneId.of("Europe/Paris"), "digest@acme.com", List.of("a@acme.com", "b@acme.com")),
          ctx.getBean(DigestSettings.class));
      assertEquals(0.3, ctx.getBean(AnalyzeProperties.Theme.class).minCohesion());
      assertEquals("acme-feedback", LocalTables.of(ctx).feedback());
    }
  }

  @Test
  void localDefaultsFillWhatTheEnvironmentLeavesOut() {
    try (ApplicationContext ctx = LocalPipeline.context(Map.of(), OVERRIDES)) {
      DigestSettings digest = ctx.getBean(DigestSettings.class);
      assertEquals(LocalPipeline.LOCAL_DEFAULTS.get("DIGEST_SENDER"), digest.sender());
      assertEquals(List.of(LocalPipeline.LOCAL_DEFAULTS.get("DIGEST_RECIPIENTS")), digest.recipients());
      assertEquals(Demo.STAFF, ctx.getBean(IngestProperties.Ingest.class).staff());
      assertEquals(LocalTables.defaults(), LocalTables.of(ctx));
    }
  }

  @Test
  void theForcedOverridesWinOverTheEnvironment() {
    Map<String, String> env = Map.of("DYNAMODB_ENDPOINT", "http://elsewhere:8000", "THEME_SETTLE_MINUTES", "10",
        "DIGEST_OUTBOX_DIR", "/elsewhere", "SECRETS_SOURCE", "ssm");
    try (ApplicationContext ctx = LocalPipeline.context(env, OVERRIDES)) {
      assertEquals("http://127.0.0.1:9", ctx.getBean(StorageProperties.Dynamodb.class).endpoint());
      assertEquals(0, ctx.getBean(AnalyzeProperties.Theme.class).settleMinutes());
      assertEquals(Path.of("/tmp/lp-data/outbox").toString(), ctx.getBean(DigestProperties.Digest.class).outboxDir());
      assertEquals("local", ctx.getBean(IngestProperties.Secrets.class).source());
    }
  }
}
