package dev.listeningpost.bench.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.listeningpost.digest.AlertsIncompleteException;
import dev.listeningpost.digest.AlertsRequest;
import dev.listeningpost.digest.AlertsResponse;
import dev.listeningpost.digest.alerts.AlertJob;
import dev.listeningpost.digest.alerts.AlertStore;
import dev.listeningpost.digest.alerts.AlertTrigger;
import dev.listeningpost.digest.alerts.AlertsResult;
import dev.listeningpost.digest.alerts.KeyAccountTrigger;
import dev.listeningpost.digest.alerts.NegativeSpikeTrigger;
import dev.listeningpost.digest.alerts.SnsPublisher;
import dev.listeningpost.digest.alerts.ThemeRiseTrigger;
import dev.listeningpost.digest.send.SesEmailSender;
import dev.listeningpost.digest.wiring.AlertsProperties;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.util.List;

/**
 * Cold-start baseline of {@code dev.listeningpost.digest.AlertsHandler}: the same {@link AlertJob} and triggers
 * as AlertsFactory wires them (SES v2 email; no SNS topic, as the benchmark configures none for either variant).
 */
public class PlainAlertsHandler implements RequestHandler<AlertsRequest, AlertsResponse> {
  private final AlertJob job;
  private final PlainDigest d = new PlainDigest();

  public PlainAlertsHandler() {
    AlertsProperties.Alerts a = PlainDefaults.Digest.ALERTS;
    AlertsProperties.Alerts alerts = new AlertsProperties.Alerts(d.w.get("ALERTS_RECIPIENTS", a.recipients()),
        d.w.get("ALERTS_KEY_ACCOUNTS", a.keyAccounts()), "", "", a.window(), a.baselineWindows(),
        Integer.parseInt(d.w.get("ALERTS_MAX_PER_HOUR", Integer.toString(a.maxPerHour()))), a.alpha(), a.minRatio(),
        a.minVolume(), a.quotes());
    CustomerVoice voice = d.w.voice();
    List<AlertTrigger> triggers = List.of(
        new KeyAccountTrigger(alerts.accounts(), voice, d.labels),
        new NegativeSpikeTrigger(alerts.rule(), voice, d.labels, alerts.quotes()),
        new ThemeRiseTrigger(alerts.rule(), voice, d.labels, alerts.quotes()));
    job = new AlertJob(d.feedback, triggers, new AlertStore(d.w.dynamo, d.w.digestTable()),
        new SesEmailSender(PlainDigest.ses(d.w)), List.<SnsPublisher>of(), alerts.settings(d.props), d.clock);
  }

  @Override
  public AlertsResponse handleRequest(AlertsRequest input, Context context) {
    AlertsResult result = job.run(input == null ? d.clock.instant() : input.atOr(d.clock.instant()));
    if (!result.complete()) {
      throw new AlertsIncompleteException(result);
    }
    return AlertsResponse.of(result);
  }
}
