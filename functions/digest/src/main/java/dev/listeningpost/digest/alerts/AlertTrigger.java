package dev.listeningpost.digest.alerts;

import java.util.List;

/** One reason to alert: decides from the window's data alone, sends nothing. */
public interface AlertTrigger {
  /** The alerts the window raises, most important first; none most of the time. */
  List<Alert> evaluate(AlertInput input);
}
