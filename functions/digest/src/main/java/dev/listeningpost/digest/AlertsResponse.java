package dev.listeningpost.digest;

import dev.listeningpost.digest.alerts.AlertsResult;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What the alerts function returns: the window checked and the alert keys by outcome. */
@Serdeable
public record AlertsResponse(String window, List<String> sent, List<String> duplicates, List<String> suppressed,
                             List<String> failed) {

  public static AlertsResponse of(AlertsResult r) {
    return new AlertsResponse(r.window(), r.sent(), r.duplicates(), r.suppressed(), r.failed());
  }
}
