package dev.listeningpost.digest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Lambda entry point, invoked weekly by EventBridge Scheduler. Handler string:
 * {@code dev.listeningpost.digest.DigestHandler} (no {@code ::handleRequest}: the runtime must see
 * the concrete input type).
 */
public class DigestHandler extends MicronautRequestHandler<DigestRequest, DigestResponse> {
  @Inject
  DigestJob job;

  @Inject
  Clock clock;

  public DigestHandler() {
  }

  public DigestHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public DigestResponse execute(DigestRequest input) {
    String period = input == null ? null : input.period();
    DigestResult result = period == null || period.isBlank()
        ? job.runForLastCompleteWeek(clock)
        : job.run(period);
    if (!result.complete()) {
      throw new DigestIncompleteException(result);
    }
    return DigestResponse.of(result);
  }
}
