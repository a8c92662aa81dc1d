package dev.listeningpost.analyze.themes;

import dev.listeningpost.feedback.Feedback;

/**
 * Who speaks as a customer. Staff (configured at ingest, or marked by the channel as the page or app
 * owner: both arrive as {@code author.staff}) and the brand's own handles ({@link ThemeSettings#brandTerms()})
 * do not: their items stay stored but never form themes, count in theme volumes or sentiment, or get
 * quoted. The nightly job, the stream and the offline {@code cluster} command all ask this; it is the rule of
 * {@link dev.listeningpost.feedback.voice.CustomerVoice} (which the read API's counts and the digest use) applied
 * to the theme settings' brand terms.
 */
public final class CustomerVoice {
  private CustomerVoice() {
  }

  public static boolean isCustomer(boolean staff, String handle, ThemeSettings settings) {
    return !staff && !settings.isBrandHandle(handle);
  }

  public static boolean isCustomer(Feedback f, ThemeSettings settings) {
    return f != null && isCustomer(f.author().staff(), f.author().handle(), settings);
  }
}
