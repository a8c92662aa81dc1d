package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.Feedback;
import java.util.List;
import java.util.Objects;

/**
 * What the triggers look at.
 *
 * @param window       the window being checked (the last complete one)
 * @param baselineSpan the windows just before it that form the baseline, as one span
 * @param current      items created in the window
 * @param baseline     items created in the baseline span
 */
public record AlertInput(AlertWindow window, AlertWindow baselineSpan, List<Feedback> current, List<Feedback> baseline) {
  public AlertInput {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(baselineSpan, "baselineSpan");
    current = List.copyOf(current);
    baseline = List.copyOf(baseline);
  }

  /** Splits items created in {@code [baselineSpan.start, window.end)} by window. */
  public static AlertInput of(AlertWindow window, AlertWindow baselineSpan, List<Feedback> items) {
    return new AlertInput(window, baselineSpan,
        items.stream().filter(f -> window.contains(f.createdAt())).toList(),
        items.stream().filter(f -> baselineSpan.contains(f.createdAt())).toList());
  }
}
