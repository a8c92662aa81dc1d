package dev.listeningpost.feedback.wiring;

import dev.listeningpost.feedback.voice.CustomerVoice;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Who speaks as a customer, shared by every function that counts customer voice (themes, the read API, the
 * digest). The key ({@code theme.brand-terms}, {@code THEME_BRAND_TERMS}) predates this record.
 *
 * @param brandTerms the company's own names, handles and hashtags, comma-separated ({@code Acme,@AcmeHelp,#acme}):
 *                   authors with these handles are not customers, and theme labels never use these words
 */
@ConfigurationProperties("theme")
public record VoiceProperties(@Bindable(defaultValue = "") String brandTerms) {

  public CustomerVoice voice() {
    return CustomerVoice.of(brandTerms);
  }
}
