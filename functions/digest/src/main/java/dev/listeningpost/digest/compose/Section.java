package dev.listeningpost.digest.compose;

import java.util.List;

/**
 * A generic digest section: a title, an optional note, bars and quotes. Contributed by a
 * {@link SectionContributor}, so new analyses appear in the email without renderer changes.
 *
 * @param key    stable id, e.g. {@code theme-trends}
 * @param note   one sentence under the title, may be null
 * @param bars   labelled counts rendered as a bar chart (may be empty)
 * @param quotes messages to show (may be empty)
 */
public record Section(String key, String title, String note, List<Digest.Share> bars, List<Quote> quotes) {
  public Section {
    bars = List.copyOf(bars);
    quotes = List.copyOf(quotes);
  }
}
