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
   * @param quotes     latest quotes shown
   * @param replySla   a member's message without a reply after this long counts as unanswered (e.g. {@code 48h})
   * @param listLimit  entries per ranked list (themes, hashtags, advocates, unanswered, what worked)
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
                       @Bindable(defaultValue = "8") int quotes,
                       @Bindable(defaultValue = "48h") Duration replySla,
                       @Bindable(defaultValue = "8") int listLimit,
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
      return new ComposeOptions(quotes, replySla, listLimit);
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
