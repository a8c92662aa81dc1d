package dev.listeningpost.analyze.themes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A theme: what a group of items is about. Ids never change once given; a theme that merges into
 * another is kept as {@link Status#RETIRED} with {@link #mergedInto()}, so items that carry its id
 * still resolve.
 *
 * @param size   items assigned to it so far
 * @param weekly items assigned per ISO week ({@code 2026-W47}), for new / growing / fading
 */
public record Theme(String id, String label, List<String> terms, float[] centroid, long size, Status status,
                    String mergedInto, Instant createdAt, Instant updatedAt, List<Quote> quotes,
                    Map<String, Long> weekly) {

  public enum Status { ACTIVE, RETIRED }

  public Theme {
    terms = terms == null ? List.of() : List.copyOf(terms);
    quotes = quotes == null ? List.of() : List.copyOf(quotes);
    weekly = weekly == null ? Map.of() : Map.copyOf(new TreeMap<>(weekly));
    status = status == null ? Status.ACTIVE : status;
  }

  public boolean active() {
    return status == Status.ACTIVE;
  }
}
