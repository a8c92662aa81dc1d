package dev.listeningpost.feedback.voice;

import dev.listeningpost.feedback.Feedback;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who speaks as a customer, the one rule for themes, the read API, the digest and alerts. Staff
 * (configured at ingest, or marked by the channel as the page or app owner: both arrive as
 * {@code author.staff}) and the brand's own handles do not: their items stay stored but never count
 * as customer volume, sentiment or quotes.
 *
 * @param brandTerms the company's own names, handles and hashtags, normalized (lower case, no {@code @}/{@code #})
 */
public record CustomerVoice(Set<String> brandTerms) {
  /** Staff only: no brand handles configured. */
  public static final CustomerVoice STAFF_ONLY = new CustomerVoice(Set.of());

  public CustomerVoice {
    Set<String> out = new LinkedHashSet<>();
    if (brandTerms != null) {
      for (String t : brandTerms) {
        String b = t == null ? "" : bare(t);
        if (!b.isEmpty()) {
          out.add(b);
        }
      }
    }
    brandTerms = Set.copyOf(out);
  }

  /** From a comma- or space-separated setting, e.g. {@code "Acme, @AcmeHelp, #acme"}. */
  public static CustomerVoice of(String csv) {
    return new CustomerVoice(Set.copyOf(parse(csv)));
  }

  public static CustomerVoice of(Collection<String> terms) {
    return new CustomerVoice(terms == null ? Set.of() : new LinkedHashSet<>(terms));
  }

  /** The terms of a comma- or space-separated setting, as written. */
  public static List<String> parse(String csv) {
    List<String> out = new ArrayList<>();
    if (csv != null) {
      for (String t : csv.split("[,\\s]+")) {
        if (!t.isBlank()) {
          out.add(t);
        }
      }
    }
    return out;
  }

  public boolean isCustomer(boolean staff, String handle) {
    return !staff && !isBrandHandle(handle);
  }

  public boolean isCustomer(Feedback f) {
    return f != null && isCustomer(f.author().staff(), f.author().handle());
  }

  /** True when a handle (with or without {@code @}) is one of the brand's own accounts. */
  public boolean isBrandHandle(String handle) {
    return !brandTerms.isEmpty() && handle != null && !handle.isBlank() && brandTerms.contains(bare(handle));
  }

  /** Lower case without a leading {@code @} or {@code #}: handles, hashtags and names compare alike. */
  public static String bare(String term) {
    String t = term.strip().toLowerCase(Locale.ROOT);
    while (!t.isEmpty() && (t.charAt(0) == '@' || t.charAt(0) == '#')) {
      t = t.substring(1);
    }
    return t;
  }
}
