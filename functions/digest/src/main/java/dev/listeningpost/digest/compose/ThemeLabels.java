package dev.listeningpost.digest.compose;

import java.util.Collection;
import java.util.Map;

/**
 * Readable labels for theme ids. The themes job implements this; until then the digest shows
 * themes by id and count only.
 */
public interface ThemeLabels {
  /** No labels known. */
  ThemeLabels NONE = themeIds -> Map.of();

  /** Labels for those of {@code themeIds} that have one. */
  Map<String, String> labels(Collection<String> themeIds);

  /**
   * For those of {@code themeIds} that merged into another theme, the theme they now count for,
   * so trends see one theme, not two halves. None known by default.
   */
  default Map<String, String> heirs(Collection<String> themeIds) {
    return Map.of();
  }
}
