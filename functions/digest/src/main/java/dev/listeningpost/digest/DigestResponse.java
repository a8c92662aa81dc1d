package dev.listeningpost.digest;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** What the digest function returns: a summary of {@link DigestResult}, without the email bodies. */
@Serdeable
public record DigestResponse(String period, String subject, List<String> sent, List<String> skipped,
                             List<String> failed, boolean reused, int messages, Double netSentiment,
                             Instant composedAt) {

  public static DigestResponse of(DigestResult r) {
    return new DigestResponse(r.period(), r.subject(), r.sent(), r.skipped(), r.failed(), r.reused(),
        r.digest().counts().messages(), r.digest().counts().netSentiment(), r.digest().composedAt());
  }
}
