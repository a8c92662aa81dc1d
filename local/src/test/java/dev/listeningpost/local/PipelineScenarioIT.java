package dev.listeningpost.local;

import dev.listeningpost.digest.testing.SesLocal;
import dev.listeningpost.emulator.DynoxideBinary;
import dev.listeningpost.emulator.DynoxideServer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PipelineScenario} against the open-source emulators: its own dynoxide (DynamoDB and Streams;
 * the local stack's fixed table names need an empty one) and aws-ses-v2-local. The LocalStack suite
 * runs the same scenario in Docker.
 */
class PipelineScenarioIT {
  @RegisterExtension
  static final SesLocal SES = new SesLocal();

  @Test
  void webhookToTableToStreamToAnalyzeToThemesToDigestToSes(@TempDir Path dir) throws Exception {
    try (DynoxideServer dynamo = DynoxideServer.start(
        DynoxideBinary.findOrInstall(System.getenv(), Path.of(System.getProperty("lp.root", ".."))),
        Optional.empty(), Optional.empty())) {
      PipelineScenario.run(new PipelineScenario.Target(dynamo.endpoint(), SES.endpoint(),
          () -> SES.emails().stream().map(e -> new PipelineScenario.Mail(e.to(), e.subject(),
              e.html() + "\n" + e.text())).toList()), dir);
    }
  }
}
