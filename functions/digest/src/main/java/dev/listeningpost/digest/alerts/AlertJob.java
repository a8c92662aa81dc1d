package dev.listeningpost.digest.alerts;

import dev.listeningpost.digest.send.EmailSender;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.listeningpost.feedback.priming.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the last complete window and sends each alert it raises once: by email to the recipients and to
 * the SNS topic. Safe to run any number of times: an alert's key is claimed in the alert store before it
 * is sent, and a key that exists is never sent again; at most {@code maxPerHour} alerts go out per clock
 * hour. One read of the feedback table per run: the baseline span and the window, a Query per UTC day.
 */
public class AlertJob {
  private static final Logger LOG = LoggerFactory.getLogger(AlertJob.class);

  private final FeedbackStore feedback;
  private final List<AlertTrigger> triggers;
  private final AlertStore store;
  private final EmailSender email;
  private final List<SnsPublisher> topics;
  private final AlertSettings settings;
  private final Clock clock;

  public AlertJob(FeedbackStore feedback, List<AlertTrigger> triggers, AlertStore store, EmailSender email,
                  List<SnsPublisher> topics, AlertSettings settings, Clock clock) {
    this.feedback = feedback;
    this.triggers = List.copyOf(triggers);
    this.store = store;
    this.email = email;
    this.topics = List.copyOf(topics);
    this.settings = settings;
    this.clock = clock;
    Priming.register("alerts", this::prime);
  }

  /**
   * Before a SnapStart snapshot: the window query an hourly run makes, over an hour long before any data,
   * and the triggers over its (empty) result. Nothing is recorded or sent.
   */
  void prime() {
    feedback.countableBetween(Priming.EPOCH, Priming.EPOCH.plus(settings.window()));
  }

  /** The last complete window at {@code at} (the schedule's time, so a retry checks the same window). */
  public AlertsResult run(Instant at) {
    if (!settings.recipients().isEmpty() && settings.sender().isEmpty()) {
      throw new IllegalStateException("digest.sender (DIGEST_SENDER) is not set: alert emails need a From address");
    }
    if (settings.recipients().isEmpty() && topics.isEmpty()) {
      throw new IllegalStateException("alerts have nowhere to go: set alerts.recipients or alerts.topic-arn");
    }
    AlertWindow window = AlertWindow.lastComplete(at, settings.window());
    AlertWindow baseline = window.before(settings.baselineWindows());
    List<Feedback> items = feedback.createdBetween(baseline.start(), window.end(), null);
    AlertInput input = AlertInput.of(window, baseline, items);
    List<Alert> raised = new ArrayList<>();
    triggers.forEach(t -> raised.addAll(t.evaluate(input)));

    List<String> sent = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    List<String> suppressed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Alert alert : raised) {
      Instant now = clock.instant();
      var claim = store.claim(alert, now);
      if (claim.isEmpty()) {
        duplicates.add(alert.key());
        continue;
      }
      if (!store.takeSlot(now, settings.maxPerHour())) {
        store.finish(claim.get(), AlertStore.Status.SUPPRESSED, now);
        suppressed.add(alert.key());
        continue;
      }
      if (deliver(alert)) {
        store.finish(claim.get(), AlertStore.Status.SENT, clock.instant());
        sent.add(alert.key());
      } else {
        store.release(claim.get());
        store.returnSlot(now);
        failed.add(alert.key());
      }
    }
    LOG.info("alerts {}: {} raised, {} sent, {} already sent, {} over the hourly limit, {} failed", window.id(),
        raised.size(), sent.size(), duplicates.size(), suppressed.size(), failed.size());
    return new AlertsResult(window.id(), sent, duplicates, suppressed, failed);
  }

  /**
   * Every recipient and topic, each on its own: true when at least one accepted the alert. Then the alert
   * counts as sent (never twice beats a second copy for those who got it); the others are logged.
   */
  private boolean deliver(Alert alert) {
    int accepted = 0;
    for (String to : settings.recipients()) {
      accepted += attempt(alert, to, () -> email.send(AlertMessages.email(alert, settings.sender(), to)));
    }
    AlertNotification notification = topics.isEmpty() ? null : AlertMessages.notification(alert);
    for (SnsPublisher topic : topics) {
      accepted += attempt(alert, "the alert topic", () -> topic.publish(notification));
    }
    return accepted > 0;
  }

  private static int attempt(Alert alert, String target, Runnable send) {
    try {
      send.run();
      return 1;
    } catch (RuntimeException e) {
      // Addresses are configuration, not customer data; the cause may hold more, keep its type only.
      LOG.warn("alert {} not delivered to {}: {}", alert.key(), target, e.getClass().getSimpleName());
      return 0;
    }
  }
}
