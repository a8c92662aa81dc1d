package dev.listeningpost.digest.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.sections.DigestSection;
import dev.listeningpost.digest.sections.Sections;
import dev.listeningpost.digest.send.CompositeEmailSender;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.send.OutboxEmailSender;
import dev.listeningpost.digest.send.SesEmailSender;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestFactoryTest {

  private static ApplicationContext context(Map<String, Object> props, Object... singletons) {
    return ApplicationContext.builder().properties(props).singletons(singletons).start();
  }

  @Test
  void settingsFromProperties() {
    try (ApplicationContext ctx = context(Map.of("digest.time-zone", "America/Los_Angeles",
        "digest.sender", " digest@example.com ", "digest.recipients", "a@example.com, b@example.com,,a@example.com"))) {
      DigestSettings s = ctx.getBean(DigestSettings.class);
      assertEquals(ZoneId.of("America/Los_Angeles"), s.zone());
      assertEquals("digest@example.com", s.sender());
      assertEquals(List.of("a@example.com", "b@example.com"), s.recipients());
    }
    try (ApplicationContext ctx = context(Map.of())) {
      assertEquals(ZoneId.of("UTC"), ctx.getBean(DigestSettings.class).zone());
      assertEquals(List.of(), ctx.getBean(DigestSettings.class).recipients());
    }
  }

  @Test
  void transportsFollowConfiguration() {
    try (ApplicationContext ctx = context(Map.of("digest.outbox-dir", "/tmp/outbox"))) {
      EmailSender s = ctx.getBean(EmailSender.class);
      assertInstanceOf(OutboxEmailSender.class, s);
      assertEquals(Path.of("/tmp/outbox"), ((OutboxEmailSender) s).dir());
    }
    try (ApplicationContext ctx = context(Map.of("ses.endpoint", "http://127.0.0.1:8005"))) {
      assertInstanceOf(SesEmailSender.class, ctx.getBean(EmailSender.class));
    }
    try (ApplicationContext ctx = context(Map.of("ses.endpoint", "http://127.0.0.1:8005",
        "digest.outbox-dir", "/tmp/outbox"))) {
      CompositeEmailSender both = assertInstanceOf(CompositeEmailSender.class, ctx.getBean(EmailSender.class));
      assertEquals(List.of(OutboxEmailSender.class, SesEmailSender.class),
          both.senders().stream().map(Object::getClass).toList());
    }
  }

  @Test
  void aThemeLabelsBeanReplacesTheStoredLabelsReader() {
    try (ApplicationContext ctx = context(Map.of())) {
      assertInstanceOf(dev.listeningpost.digest.compose.StoredThemeLabels.class, ctx.getBean(ThemeLabels.class));
    }
    ThemeLabels real = ids -> Map.of("t1", "billing");
    try (ApplicationContext ctx = context(Map.of(), real)) {
      assertSame(real, ctx.getBean(ThemeLabels.class));
    }
  }

  @Test
  void everySectionIsABeanAndTheyOrderAsTheDefaults() {
    try (ApplicationContext ctx = context(Map.of())) {
      List<DigestSection<?>> found = new java.util.ArrayList<>();
      ctx.getBeansOfType(DigestSection.class).forEach(s -> found.add((DigestSection<?>) s));
      List<String> beans = Sections.ordered(found).stream().map(DigestSection::key).toList();
      assertEquals(Sections.defaults().stream().map(DigestSection::key).toList(), beans);
    }
  }
}
