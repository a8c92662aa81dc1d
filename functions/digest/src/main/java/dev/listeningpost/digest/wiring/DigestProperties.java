package dev.listeningpost.digest.wiring;

import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.digest.send.MailingList;
import dev.listeningpost.feedback.wiring.ConfigDefaults;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Digest settings: who gets the weekly digest, what it shows, and how it is sent. SES is used when
 * {@code ses.endpoint} is set or no outbox is configured (in AWS); the outbox when {@code digest.outbox-dir}
 * is set; both in local mode when both are set. One record per property prefix (Micronaut binds one prefix
 * per type); a default is declared once, on its component, and docs/configuration.md is generated from these
 * declarations. The digest table's name is a storage setting.
 */
public final class DigestProperties {
  private DigestProperties() {
  }

  /**
   * The digest.
   *
   * @param timeZone   IANA time zone whose weeks are reported (ISO weeks), e.g. {@code Europe/Paris}
   * @param sender     From address, an SES-verified identity (or in a verified domain)
   * @param recipients comma-separated recipient addresses
   * @param outboxDir  also write each email as .eml and .html into this directory; empty = SES only
   * @param quotes     quotes per theme at most (3 at most; fewer when the email would be too large)
   * @param replySla   a customer's question or complaint without a reply after this long is waiting for an answer,
   *                   and a reply after it is late (e.g. {@code 48h})
   * @param listLimit  entries per ranked list (themes, waiting people, advocates, introductions, what worked)
   * @param campaigns  campaigns to follow under "What worked", comma-separated hashtags and keywords
   *                   ({@code #launch,free trial}); empty = the week's most used hashtags
   * @param publicBaseUrl base URL where digests are served (the read API's URL, or {@code http://localhost:8080}
   *                   locally), for links to full lists such as {@code /digests/2026-W47/waiting}; empty = no such links
   * @param listId     the {@code List-Id} of the digest mails (a domain-like name); empty = {@code digest.} plus
   *                   the sender's domain
   * @param unsubscribeEmail where {@code List-Unsubscribe}'s mailto sends unsubscribe requests; empty = the sender
   * @param unsubscribeUrl one-click unsubscribe URL (https, RFC 8058; "{recipient}" in it is replaced by the
   *                   recipient's address); empty = mailto only
   */
  @ConfigurationProperties("digest")
  public record Digest(@Bindable(defaultValue = "UTC") String timeZone,
                       @Bindable(defaultValue = "") String sender,
                       @Bindable(defaultValue = "") String recipients,
                       @Bindable(defaultValue = "") String outboxDir,
                       @Bindable(defaultValue = "3") int quotes,
                       @Bindable(defaultValue = "48h") Duration replySla,
                       @Bindable(defaultValue = "8") int listLimit,
                       @Bindable(defaultValue = "") String campaigns,
                       @Bindable(defaultValue = "") String publicBaseUrl,
                       @Bindable(defaultValue = "") String listId,
                       @Bindable(defaultValue = "") String unsubscribeEmail,
                       @Bindable(defaultValue = "") String unsubscribeUrl) {

    public static Digest defaults() {
      return ConfigDefaults.of(Digest.class);
    }

    public DigestSettings settings() {
      return new DigestSettings(ZoneId.of(timeZone.isBlank() ? "UTC" : timeZone.strip()), sender.strip(),
          DigestSettings.parseRecipients(recipients),
          MailingList.forSender(sender, listId, unsubscribeEmail, unsubscribeUrl));
    }

    public ComposeOptions composeOptions() {
      return new ComposeOptions(quotes, replySla, listLimit,
          java.util.List.of(campaigns.split(",")).stream().map(String::strip).filter(c -> !c.isEmpty()).toList(),
          publicBaseUrl);
    }
  }

  /**
   * Amazon SES (v2), which sends the digest.
   *
   * @param endpoint SES API endpoint override (aws-ses-v2-local, LocalStack); empty = SES in the region
   */
  @ConfigurationProperties("ses")
  public record Ses(@Bindable(defaultValue = "") String endpoint) {
  }
}
