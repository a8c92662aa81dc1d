package dev.listeningpost.digest.sections;

import java.util.List;

/**
 * How much a section shows: the renderer starts with the most and steps down until the email fits
 * the size budget.
 *
 * @param list   entries per list (capped by the configured list limit)
 * @param quotes quotes per entry
 */
public record Detail(int list, int quotes) {
  /** Most detail first. */
  public static final List<Detail> LEVELS = List.of(new Detail(8, 3), new Detail(6, 2), new Detail(4, 1),
      new Detail(3, 0), new Detail(1, 0));

  public static final Detail FULL = LEVELS.get(0);
}
