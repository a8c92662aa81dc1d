package dev.listeningpost.digest;

import dev.listeningpost.digest.archive.ArchivedDigest;
import dev.listeningpost.digest.archive.Claim;
import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.render.RenderedDigest;
import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.digest.send.OutgoingEmail;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.listeningpost.feedback.priming.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes, renders, archives and sends the digest of one period, once per recipient.
 *
 * <p>Safe to run any number of times for a period: the first run archives the rendered digest and
 * every later run re-uses it (same content); each recipient is claimed before sending and skipped
 * once sent; a failed send releases its claim, so the next run sends exactly that one.
 */
@Singleton
public class DigestJob {
  private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);

  private final DigestComposer composer;
  private final DigestRenderer renderer;
  private final DigestArchive archive;
  private final EmailSender sender;
  private final DigestSettings settings;
  private final Clock clock;

  public DigestJob(DigestComposer composer, DigestRenderer renderer, DigestArchive archive, EmailSender sender,
                   DigestSettings settings, Clock clock) {
    this.composer = composer;
    this.renderer = renderer;
    this.archive = archive;
    this.sender = sender;
    this.settings = settings;
    this.clock = clock;
    Priming.register("digest", this::prime);
  }

  /**
   * Before a SnapStart snapshot: the archive lookup and composing and rendering a week long before any data
   * (queries, sections, HTML and text renderers). Nothing is archived, claimed or sent.
   */
  void prime() {
    ReportingPeriod old = ReportingPeriod.parse("2000-W01", settings.zone());
    archive.find(old.id());
    composeAndRender(old);
  }

  public DigestSettings settings() {
    return settings;
  }

  /** The digest of the most recent week that has ended, in the configured zone. */
  public DigestResult runForLastCompleteWeek(Clock at) {
    return run(ReportingPeriod.lastCompleteWeek(at, settings.zone()));
  }

  /** Parses {@code 2026-W47} in the configured zone and runs it. */
  public DigestResult run(String periodId) {
    return run(ReportingPeriod.parse(periodId, settings.zone()));
  }

  public DigestResult run(ReportingPeriod period) {
    if (!settings.recipients().isEmpty() && (settings.sender() == null || settings.sender().isBlank())) {
      throw new IllegalStateException("digest.sender (DIGEST_SENDER) is not set");
    }
    Optional<ArchivedDigest> existing = archive.find(period.id());
    ArchivedDigest digest = existing.orElseGet(() -> archive.archiveIfAbsent(composeAndRender(period)));

    List<String> sent = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String recipient : settings.recipients()) {
      Claim claim = archive.claim(period.id(), recipient, clock.instant());
      if (!claim.granted()) {
        skipped.add(recipient);
        continue;
      }
      String messageId;
      try {
        messageId = sender.send(new OutgoingEmail(period.id(), settings.sender(), recipient,
            digest.subject(), digest.html(), digest.text(), settings.list().headersFor(recipient)));
      } catch (RuntimeException e) {
        archive.release(claim.record());
        failed.add(recipient);
        // The address is configuration, not customer data; the cause may hold more, keep its type only.
        LOG.warn("digest {} not sent to {}: {}", period.id(), recipient, e.getClass().getSimpleName());
        continue;
      }
      sent.add(recipient);
      try {
        archive.markSent(claim.record(), messageId, clock.instant());
      } catch (RuntimeException e) {
        // Sent, but the log entry stays CLAIMED: it blocks re-sends until it goes stale.
        LOG.warn("digest {} sent to {} but not marked sent: {}", period.id(), recipient, e.getClass().getSimpleName());
      }
    }
    LOG.info("digest {}: {} sent, {} skipped, {} failed{}", period.id(), sent.size(), skipped.size(), failed.size(),
        existing.isPresent() ? " (archived content re-used)" : "");
    return new DigestResult(period.id(), digest.subject(), sent, skipped, failed, existing.isPresent(), digest);
  }

  private ArchivedDigest composeAndRender(ReportingPeriod period) {
    Digest d = composer.compose(period);
    RenderedDigest r = renderer.render(d);
    return new ArchivedDigest(period.id(), period.start(), period.zone().getId(), r.subject(), r.html(), r.text(),
        d.composedAt(), d.counts());
  }
}
