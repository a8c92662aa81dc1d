package dev.listeningpost.feedback.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerVoiceTest {
  private final CustomerVoice voice = CustomerVoice.of("Acme, @AcmeHelp #acme");

  @Test
  void staffAndBrandHandlesAreNotCustomers() {
    assertFalse(voice.isCustomer(true, "ada"), "staff");
    assertFalse(voice.isCustomer(false, "@ACMEHELP"), "a brand handle, any case, with or without @");
    assertFalse(voice.isCustomer(false, "acme"));
    assertTrue(voice.isCustomer(false, "ada"));
    assertTrue(voice.isCustomer(false, null));
  }

  @Test
  void termsAreNormalizedOnce() {
    assertEquals(Set.of("acme", "acmehelp"), voice.brandTerms());
    assertEquals(CustomerVoice.STAFF_ONLY, CustomerVoice.of(""));
  }
}
