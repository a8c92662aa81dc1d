package dev.listeningpost.digest.compose;

import java.time.Duration;
import java.util.List;

/**
 * Limits and thresholds of a digest; defaults and configuration in
 * {@code dev.listeningpost.digest.wiring.DigestProperties.Digest}.
 *
 * @param quotes        quotes per theme at most (the size budget may show fewer)
 * @param replySla      a customer's question or complaint without a reply after this long is waiting; a reply
 *                      after it is late
 * @param listLimit     entries per ranked list (themes, waiting people, advocates, what worked...)
 * @param campaigns     configured campaigns: hashtags ({@code #launch}) and keywords, matched case-insensitively
 * @param publicBaseUrl where the digest archive is served (e.g. the read API's URL), for links to full lists;
 *                      empty = no such links
 */
public record ComposeOptions(int quotes, Duration replySla, int listLimit, List<String> campaigns,
                             String publicBaseUrl) {
  public ComposeOptions {
    if (quotes < 0 || listLimit < 0 || replySla == null || replySla.isNegative()) {
      throw new IllegalArgumentException("invalid digest options");
    }
    campaigns = campaigns == null ? List.of()
        : campaigns.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
    publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
  }

  public ComposeOptions(int quotes, Duration replySla, int listLimit) {
    this(quotes, replySla, listLimit, List.of(), "");
  }
}
