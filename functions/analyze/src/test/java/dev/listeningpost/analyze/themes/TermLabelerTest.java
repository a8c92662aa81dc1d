package dev.listeningpost.analyze.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.analyze.testing.FakeEmbedder;
import dev.listeningpost.analyze.wiring.AnalyzeProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermLabelerTest {
  private static final ThemeSettings BRAND = AnalyzeProperties.Theme.defaults().settings()
      .withBrandTerms(ThemeSettings.parseBrandTerms("AmericanAir, @USAirways, #AA, americanairlines"));

  private static final List<String> TWEETS = List.of(
      "@AmericanAir my flight was cancelled and nobody helped with rebooking http://t.co/xY12ab",
      "@AmericanAir @USAirways cancelled flight again, rebooking took 3 hours https://t.co/Qw9 #AA",
      "Cancelled flight, no rebooking offered. Thanks @AmericanAir www.aa.com/help",
      "#AmericanAirlines cancelled flight rebooking is a joke t.co/abc #fail",
      "cancelled flight rebooking nightmare @usairways order 1234567890");

  @Test
  void labelCandidatesNeverContainHandlesUrlsOrBrandTerms() {
    TermLabeler labeler = new TermLabeler(3, BRAND, new FakeEmbedder());
    Set<String> banned = Set.of("americanair", "usairways", "aa", "americanairlines", "http", "https", "www", "co",
        "t", "com", "xy12ab", "qw9", "abc", "1234567890");
    for (String tweet : TWEETS) {
      for (String c : labeler.candidates(tweet)) {
        for (String w : c.split(" ")) {
          assertFalse(banned.contains(w), c + " from " + tweet);
        }
      }
    }
    Map<String, List<String>> texts = new LinkedHashMap<>();
    texts.put("a", TWEETS);
    texts.put("b", List.of("@AmericanAir lost my checked bag http://t.co/1", "lost checked bag at DFW @USAirways",
        "still no lost checked bag update #AA"));
    Map<String, List<String>> terms = labeler.label(texts, Map.of());
    for (List<String> ts : terms.values()) {
      assertFalse(ts.isEmpty());
      for (String t : ts) {
        for (String w : t.split(" ")) {
          assertFalse(banned.contains(w), terms.toString());
        }
      }
    }
    assertEquals("cancelled flight rebooking", terms.get("a").get(0), terms.toString());
    assertEquals("lost checked bag", terms.get("b").get(0), terms.toString());
  }

  @Test
  void phrasesNeverStartOrEndWithAStopWord() {
    TermLabeler labeler = new TermLabeler(5, AnalyzeProperties.Theme.defaults().settings(), null);
    for (String c : labeler.candidates("Hi, please can you help me with the export of my invoices? Thanks!")) {
      String[] w = c.split(" ");
      assertFalse(TermLabeler.stopWords().contains(w[0]), c);
      assertFalse(TermLabeler.stopWords().contains(w[w.length - 1]), c);
    }
    assertTrue(labeler.candidates("I cannot top up my card").contains("top up"), "a particle may end a phrase");
  }

  @Test
  void termsSharedByEveryThemeAreNotItsLabel() {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    texts.put("a", List.of("My card has not arrived yet, the account is fine",
        "When will my card arrive? account question", "card still not arrived to my account"));
    texts.put("b", List.of("I forgot my password for the account", "reset password please, account locked",
        "password reset link does not work on my account"));
    Map<String, List<String>> terms = new TermLabeler(3, AnalyzeProperties.Theme.defaults().settings(), null).label(texts);

    assertTrue(terms.get("a").get(0).contains("card"), terms.toString());
    assertTrue(terms.get("b").get(0).contains("password"), terms.toString());
    assertFalse(terms.get("a").contains("account"), terms.toString());
    assertFalse(terms.get("b").contains("account"), terms.toString());
  }

  @Test
  void labelsOfTwoThemesDifferEvenWhenTheyTalkAlike() {
    List<String> same = List.of("refund for my cancelled flight", "still waiting for the refund of a cancelled flight",
        "refund for cancelled flight please", "where is my refund for the cancelled flight");
    Map<String, List<String>> texts = new LinkedHashMap<>();
    texts.put("a", same);
    texts.put("b", new ArrayList<>(same));
    for (TermLabeler l : List.of(new TermLabeler(3, AnalyzeProperties.Theme.defaults().settings(), null), new TermLabeler(3, BRAND, new FakeEmbedder()))) {
      Map<String, List<String>> terms = l.label(texts, Map.of());
      String a = TermLabeler.labelOf(terms.get("a"));
      String b = TermLabeler.labelOf(terms.get("b"));
      assertNotEquals(a, b);
      assertNotEquals("(unlabelled)", a);
      assertNotEquals("(unlabelled)", b);
    }
  }

  @Test
  void theLabelIsAPhraseClosestToTheThemeWhenEmbedded() {
    FakeEmbedder e = new FakeEmbedder();
    Map<String, List<String>> texts = new LinkedHashMap<>();
    texts.put("a", List.of("dark mode would be great", "please add dark mode", "dark mode on mobile too",
        "is dark mode coming"));
    texts.put("b", List.of("refund my order", "I want a refund for my order", "refund status of order"));
    Map<String, float[]> centres = Map.of("a", e.embed("dark mode"), "b", e.embed("refund order"));
    Map<String, List<String>> terms = new TermLabeler(2, AnalyzeProperties.Theme.defaults().settings(), e).label(texts, centres);
    assertEquals("dark mode", terms.get("a").get(0));
    assertEquals("dark mode", TermLabeler.labelOf(terms.get("a")));
    assertTrue(terms.get("a").get(0).contains(" "), "a phrase, not a single word");
  }
}
