package dev.listeningpost.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --schedules} on the packaged jar: the template's scheduled functions run by themselves,
 * here with the digest's schedule overridden to every minute as {@code sam deploy
 * --parameter-overrides} would.
 */
class LocalSchedulesIT {

  @Test
  void theDigestRunsOnItsScheduleWithoutBeingAsked(@TempDir Path dir) throws Exception {
    try (LocalJarProcess jar = LocalJarProcess.start(dir.resolve("jar.log"), Map.of(), "--in-memory",
        "--data-dir", dir.toString(), "--schedules", "--parameter-overrides", "DigestSchedule=\"cron(* * * * ? *)\"")) {
      String banner = jar.output();
      assertTrue(banner.contains("schedule:  ThemesFunction cron(30 2 * * ? *) (UTC), next "), banner);
      assertTrue(banner.contains("schedule:  DigestFunction cron(* * * * ? *) (UTC), next "), banner);
      assertEquals(404, jar.get("/api/digests/latest").statusCode(), "no digest before the schedule fires");

      Instant deadline = Instant.now().plusSeconds(150);
      int status = 404;
      while (status != 200 && Instant.now().isBefore(deadline)) {
        Thread.sleep(1000);
        status = jar.get("/api/digests/latest").statusCode();
      }
      assertEquals(200, status, () -> "the digest schedule never ran:\n" + output(jar));
      assertTrue(output(jar).contains("schedule DigestFunction.Weekly (cron(* * * * ? *)) runs"), () -> output(jar));
    }
  }

  private static String output(LocalJarProcess jar) {
    try {
      return jar.output();
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
