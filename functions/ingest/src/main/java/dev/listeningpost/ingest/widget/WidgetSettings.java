package dev.listeningpost.ingest.widget;

/**
 * Limits of the widget channel; defaults and configuration in {@code IngestProperties.Widget}.
 *
 * @param maxTextLength   longest {@code text} accepted (characters); longer is a 400
 * @param ratePerMinute   sustained submissions per minute per key (token refill rate)
 * @param burst           submissions a key may make at once (bucket size)
 */
public record WidgetSettings(int maxTextLength, int ratePerMinute, int burst) {
  public WidgetSettings {
    if (maxTextLength < 1 || ratePerMinute < 1 || burst < 1) {
      throw new IllegalArgumentException("widget limits must be positive");
    }
  }
}
