package dev.listeningpost.ingest.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.priming.Priming;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.PrimingHooks;
import dev.listeningpost.feedback.testing.RecordingDynamo;
import dev.listeningpost.ingest.IngestSettings;
import dev.listeningpost.ingest.WebhookService;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.slack.SlackAdapter;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ingest function's SnapStart priming hook: registered when {@link WebhookService} is built, it makes the
 * DynamoDB client's first request (a GetItem of a key no item has) and never writes or resolves a secret.
 */
class IngestPrimingTest {

  @Test
  void hookReadsAnAbsentKeyAndWritesNothing() {
    RecordingDynamo dynamo = new RecordingDynamo();
    long before = PrimingHooks.count("ingest");
    new WebhookService(List.of(new SlackAdapter()),
        new FeedbackStore(dynamo.client(), "feedback", FeedbackSchema.create(Duration.ZERO)),
        new EnvironmentSecretResolver(Map.of()), new ConfiguredStaffDirectory(""), new IngestSettings(1_048_576),
        Clock.systemUTC());
    Priming.Hook hook = PrimingHooks.registeredSince("ingest", before);

    assertTrue(hook.prime());

    assertEquals(List.of("GetItem"), dynamo.operations());
    assertTrue(dynamo.calls().get(0).body().contains(Priming.ABSENT_ID), dynamo.calls().get(0).body());
    assertEquals(List.of(), dynamo.writes());
  }
}
