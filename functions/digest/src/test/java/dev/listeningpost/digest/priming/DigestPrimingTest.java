package dev.listeningpost.digest.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.DigestJob;
import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.alerts.AlertJob;
import dev.listeningpost.digest.alerts.AlertSettings;
import dev.listeningpost.digest.alerts.AlertStore;
import dev.listeningpost.digest.api.DigestPages;
import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.sections.Sections;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.priming.Priming;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.PrimingHooks;
import dev.listeningpost.feedback.testing.RecordingDynamo;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The digest artifact's SnapStart priming hooks: each is registered when its service is built, and running
 * it makes the reads a first event would make (so the client, marshallers, composer and renderer are warm)
 * without writing anything or sending a message.
 */
class DigestPrimingTest {
  private final RecordingDynamo dynamo = new RecordingDynamo();
  private final FeedbackStore feedback = new FeedbackStore(dynamo.client(), "feedback", FeedbackSchema.create(Duration.ZERO));
  private final DigestArchive archive = new DigestArchive(dynamo.client(), "digests");
  private final DigestComposer composer = new DigestComposer(feedback, ThemeLabels.NONE, Sections.defaults(),
      DigestProperties.Digest.defaults().composeOptions(), CustomerVoice.STAFF_ONLY, Clock.systemUTC());
  private final DigestSettings settings = new DigestSettings(ZoneOffset.UTC, "digest@example.com", List.of("team@example.com"));
  private final AtomicInteger sent = new AtomicInteger();
  private final EmailSender email = e -> {
    sent.incrementAndGet();
    return "id";
  };

  @Test
  void digestHookComposesAndRendersAnOldWeekWithoutArchivingOrSending() {
    long before = PrimingHooks.count("digest");
    new DigestJob(composer, new DigestRenderer(), archive, email, settings, Clock.systemUTC());
    Priming.Hook hook = PrimingHooks.registeredSince("digest", before);

    assertTrue(hook.prime());

    assertTrue(dynamo.operations().contains("GetItem"), "archive lookup: " + dynamo.operations());
    assertTrue(dynamo.operations().contains("Query"), "the composer's feedback query: " + dynamo.operations());
    assertEquals(List.of(), dynamo.writes());
    assertEquals(0, sent.get());
  }

  @Test
  void digestReadHookPreviewsAnOldWeekWithoutWriting() {
    long before = PrimingHooks.count("digest-read");
    new DigestPages(archive, composer, new DigestRenderer(), settings, Clock.systemUTC());
    Priming.Hook hook = PrimingHooks.registeredSince("digest-read", before);

    assertTrue(hook.prime());

    assertTrue(dynamo.operations().contains("Query"), "the composer's feedback query: " + dynamo.operations());
    assertEquals(List.of(), dynamo.writes());
  }

  @Test
  void alertsHookQueriesAnOldWindowWithoutRecordingOrSending() {
    long before = PrimingHooks.count("alerts");
    new AlertJob(feedback, List.of(), new AlertStore(dynamo.client(), "digests"), email, List.of(),
        new AlertSettings(Duration.ofHours(1), 24, 5, "alerts@example.com", List.of("team@example.com")),
        Clock.systemUTC());
    Priming.Hook hook = PrimingHooks.registeredSince("alerts", before);

    assertTrue(hook.prime());

    assertTrue(dynamo.operations().contains("Query"), "the window query: " + dynamo.operations());
    assertEquals(List.of(), dynamo.writes());
    assertEquals(0, sent.get());
  }
}
