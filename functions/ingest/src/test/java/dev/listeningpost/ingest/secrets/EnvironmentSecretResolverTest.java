package dev.listeningpost.ingest.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSecretResolverTest {
  @Test
  void namesVariablesUpperCaseWithEveryOtherCharacterAnUnderscore() {
    assertEquals("SLACK_SIGNING_SECRET", EnvironmentSecretResolver.variable("slack", null, "signing_secret"));
    assertEquals("SLACK_ACME_EU_2_SIGNING_SECRET", EnvironmentSecretResolver.variable("slack", "acme-eu.2", "signing-secret"));
  }

  @Test
  void prefersTheSourcesSecretAndAddsThePreviousOneDuringARotation() {
    var resolver = new EnvironmentSecretResolver(Map.of("SLACK_ACME_SIGNING_SECRET", "new",
        "SLACK_ACME_SIGNING_SECRET_PREVIOUS", "old", "SLACK_SIGNING_SECRET", "default"));
    assertEquals(List.of("new", "old"), resolver.lookup("slack", "acme", "signing_secret"));
    assertEquals(List.of("default"), resolver.lookup("slack", "other", "signing_secret"));
  }
}
