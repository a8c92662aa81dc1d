package dev.listeningpost.digest;

import dev.listeningpost.digest.alerts.AlertJob;
import dev.listeningpost.digest.alerts.AlertsResult;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Lambda entry point of the alerts, invoked hourly by EventBridge Scheduler. Handler string:
 * {@code dev.listeningpost.digest.AlertsHandler}.
 */
public class AlertsHandler extends MicronautRequestHandler<AlertsRequest, AlertsResponse> {
  @Inject
  AlertJob job;

  @Inject
  Clock clock;

  public AlertsHandler() {
  }

  public AlertsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public AlertsResponse execute(AlertsRequest input) {
    AlertsResult result = job.run(input == null ? clock.instant() : input.atOr(clock.instant()));
    if (!result.complete()) {
      throw new AlertsIncompleteException(result);
    }
    return AlertsResponse.of(result);
  }
}
