package dev.listeningpost.digest.alerts;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.PeriodCounts;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who speaks as a customer, by the rule of the analyze module's {@code CustomerVoice} (which this artifact
 * does not link): not staff, and not one of the brand's own handles ({@code THEME_BRAND_TERMS}).
 */
public final class CustomerVoice {
  public static final CustomerVoice STAFF_ONLY = new CustomerVoice(List.of());

  private final Set<String> brand;

  public CustomerVoice(List<String> brandTerms) {
    this.brand = brandTerms.stream().map(CustomerVoice::bare).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
  }

  /** Brand terms from the comma- or space-separated setting, e.g. {@code "Acme, @AcmeHelp, #acme"}. */
  public static CustomerVoice of(String brandTerms) {
    return new CustomerVoice(brandTerms == null || brandTerms.isBlank() ? List.of()
        : List.of(brandTerms.strip().split("[,\\s]+")));
  }

  public boolean isCustomer(Feedback f) {
    return PeriodCounts.isCustomer(f) && (f.author().handle() == null || !brand.contains(bare(f.author().handle())));
  }

  /** A customer item analysis has seen: the exposure of shares ({@link PeriodCounts#counts}). */
  public boolean counts(Feedback f) {
    return PeriodCounts.counts(f) && isCustomer(f);
  }

  private static String bare(String term) {
    String t = term.strip().toLowerCase(Locale.ROOT);
    while (!t.isEmpty() && (t.charAt(0) == '@' || t.charAt(0) == '#')) {
      t = t.substring(1);
    }
    return t;
  }
}
