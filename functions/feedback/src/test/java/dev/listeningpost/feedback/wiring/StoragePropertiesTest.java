package dev.listeningpost.feedback.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listeningpost.feedback.testing.EnvironmentContexts;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoragePropertiesTest {

  @Test
  void aContextWithoutSettingsBindsTheDeclaredDefaults() {
    try (ApplicationContext ctx = EnvironmentContexts.start(Map.of())) {
      assertEquals(new StorageProperties.FeedbackTable("listening-post-feedback", 730),
          ctx.getBean(StorageProperties.FeedbackTable.class));
      assertEquals(ConfigDefaults.of(StorageProperties.FeedbackTable.class), ctx.getBean(StorageProperties.FeedbackTable.class));
      assertEquals(ConfigDefaults.of(StorageProperties.Dynamodb.class), ctx.getBean(StorageProperties.Dynamodb.class));
      assertEquals(ConfigDefaults.of(StorageProperties.ThemeTable.class), ctx.getBean(StorageProperties.ThemeTable.class));
      assertEquals(ConfigDefaults.of(StorageProperties.DigestTable.class), ctx.getBean(StorageProperties.DigestTable.class));
    }
  }

  @Test
  void environmentVariablesBindByTheirNames() {
    Map<String, String> env = Map.of("FEEDBACK_TABLE", "fb", "FEEDBACK_RETENTION_DAYS", "7",
        "DYNAMODB_ENDPOINT", "http://localhost:8000", "THEME_TABLE", "th", "DIGEST_TABLE", "dg");
    try (ApplicationContext ctx = EnvironmentContexts.start(env)) {
      assertEquals(new StorageProperties.FeedbackTable("fb", 7), ctx.getBean(StorageProperties.FeedbackTable.class));
      assertEquals(new StorageProperties.Dynamodb("http://localhost:8000"), ctx.getBean(StorageProperties.Dynamodb.class));
      assertEquals(new StorageProperties.ThemeTable("th"), ctx.getBean(StorageProperties.ThemeTable.class));
      assertEquals(new StorageProperties.DigestTable("dg"), ctx.getBean(StorageProperties.DigestTable.class));
    }
  }

  @Test
  void theContextFreeBindingReadsTheSameNames() {
    assertEquals(new StorageProperties.FeedbackTable("fb", 7), ConfigDefaults.fromEnvironment(
        StorageProperties.FeedbackTable.class, Map.of("FEEDBACK_TABLE", "fb", "FEEDBACK_RETENTION_DAYS", "7")));
  }
}
