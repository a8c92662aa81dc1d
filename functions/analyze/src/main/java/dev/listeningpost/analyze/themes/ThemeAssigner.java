package dev.listeningpost.analyze.themes;

import dev.listeningpost.analyze.themes.store.ThemeStore;
import dev.listeningpost.feedback.Feedback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online theme assignment for the stream: the current themes, re-read from the themes table at
 * most every {@code refresh}. If the table cannot be read, the last known themes are used (or
 * none): an item left unassigned is picked up by the nightly job, so this never fails a batch.
 */
public class ThemeAssigner {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeAssigner.class);
  private final ThemeStore store;
  private final ThemeSettings settings;
  private final Clock clock;
  private final Duration refresh;
  private volatile ThemeIndex index;
  private volatile Instant loadedAt;

  public ThemeAssigner(ThemeStore store, ThemeSettings settings, Clock clock, Duration refresh) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** The theme for a vector, or null to wait for the nightly re-cluster. */
  public String assign(float[] vector) {
    return index().assign(vector);
  }

  /** The theme for an item's vector, or null: staff and the brand's own accounts never get one. */
  public String assign(Feedback item, float[] vector) {
    return CustomerVoice.isCustomer(item, settings) ? assign(vector) : null;
  }

  public ThemeIndex index() {
    Instant now = clock.instant();
    ThemeIndex i = index;
    if (i == null || loadedAt.plus(refresh).isBefore(now)) {
      synchronized (this) {
        if (index == null || loadedAt.plus(refresh).isBefore(now)) {
          try {
            index = new ThemeIndex(store.themes(), settings);
          } catch (RuntimeException e) {
            LOG.warn("themes could not be read, assigning with the last known themes: {}", e.toString());
            if (index == null) {
              index = ThemeIndex.empty();
            }
          }
          loadedAt = now;
        }
        i = index;
      }
    }
    return i;
  }

  /** Forget the cached themes (after the nightly job, in the same process). */
  public void invalidate() {
    index = null;
  }
}
