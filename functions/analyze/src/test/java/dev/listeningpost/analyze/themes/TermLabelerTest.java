package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermLabelerTest {

  @Test
  void distinctiveTermsWinOverTermsSharedByAllThemes() {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    texts.put("a", List.of("My card has not arrived yet, the account is fine",
        "When will my card arrive? account question", "card still not arrived to my account"));
    texts.put("b", List.of("I forgot my password for the account", "reset password please, account locked",
        "password reset link does not work on my account"));
    Map<String, List<String>> terms = new TermLabeler(3).label(texts);

    assertTrue(terms.get("a").get(0).contains("card"), terms.toString());
    assertTrue(terms.get("b").get(0).contains("password"), terms.toString());
    // "account" is in every text of every theme: not distinctive.
    assertFalse(terms.get("a").contains("account"), terms.toString());
    assertFalse(terms.get("b").contains("account"), terms.toString());
  }

  @Test
  void stopWordsAndFillerNeverAppear() {
    Map<String, List<String>> terms = new TermLabeler(5).label(Map.of(
        "a", List.of("Hi, please can you help me with the export?", "Thanks, I would like the export to work",
            "hello, the export is broken")));
    for (String t : terms.get("a")) {
      for (String w : t.split(" ")) {
        assertFalse(List.of("hi", "please", "can", "you", "help", "me", "the", "thanks", "would", "like", "hello")
            .contains(w), terms.toString());
      }
    }
    assertEquals("export", terms.get("a").get(0));
  }

  @Test
  void aPhraseReplacesItsWordWhenTheWordMostlyOccursInIt() {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    texts.put("a", List.of("dark mode would be great", "please add dark mode", "dark mode on mobile too",
        "is dark mode coming"));
    texts.put("b", List.of("refund my order", "I want a refund", "refund status"));
    Map<String, List<String>> terms = new TermLabeler(2).label(texts);
    assertEquals("dark mode", terms.get("a").get(0));
    assertFalse(terms.get("a").contains("dark"), "no word repeated once its phrase is in the label");
    assertEquals("dark mode", TermLabeler.labelOf(List.of("dark mode")));
  }
}
