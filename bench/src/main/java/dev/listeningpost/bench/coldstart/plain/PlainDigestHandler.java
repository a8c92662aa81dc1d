package dev.listeningpost.bench.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.listeningpost.digest.DigestIncompleteException;
import dev.listeningpost.digest.DigestJob;
import dev.listeningpost.digest.DigestRequest;
import dev.listeningpost.digest.DigestResponse;
import dev.listeningpost.digest.DigestResult;
import dev.listeningpost.digest.send.SesEmailSender;

/**
 * Cold-start baseline of {@code dev.listeningpost.digest.DigestHandler}: the same {@link DigestJob} (compose,
 * render, archive, claim, SES v2 SendEmail through the same client set-up), wired by hand.
 */
public class PlainDigestHandler implements RequestHandler<DigestRequest, DigestResponse> {
  private final DigestJob job;
  private final PlainDigest d = new PlainDigest();

  public PlainDigestHandler() {
    job = new DigestJob(d.composer, d.renderer, d.archive, new SesEmailSender(PlainDigest.ses(d.w)), d.settings, d.clock);
  }

  @Override
  public DigestResponse handleRequest(DigestRequest input, Context context) {
    String period = input == null ? null : input.period();
    DigestResult result = period == null || period.isBlank() ? job.runForLastCompleteWeek(d.clock) : job.run(period);
    if (!result.complete()) {
      throw new DigestIncompleteException(result);
    }
    return DigestResponse.of(result);
  }
}
