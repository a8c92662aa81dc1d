package dev.listeningpost.ingest.typeform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.ingest.ChannelFixtures;
import dev.listeningpost.ingest.Contexts;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.TestRequests;
import dev.listeningpost.ingest.WebhookException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeformAdapterTest {
  private final TypeformAdapter typeform = new TypeformAdapter();

  private Delivery parse(String file, String staff) {
    HttpRequest r = TestRequests.typeform(ChannelFixtures.TYPEFORM, TestRequests.event("ingest/typeform/" + file));
    typeform.verify(r, Contexts.of("typeform"));
    return typeform.parse(r, Contexts.of("typeform", null, ChannelFixtures.env(), staff));
  }

  @Test
  void verifiesBase64SignaturesAgainstAnIndependentlyComputedValue() {
    // "sha256=" + base64(HMAC-SHA256("typeform-secret", body)) computed with Python's hmac module
    byte[] body = "{\"event_type\":\"form_response\"}".getBytes(StandardCharsets.UTF_8);
    HttpRequest r = new HttpRequest("POST", "/webhooks/typeform",
        Map.of("Typeform-Signature", "sha256=ccOJ1IxNlv5QQl8sn1KA38fn+VH1wMJR9b1DGamNjBs="), Map.of(), body);
    typeform.verify(r, Contexts.of("typeform", null, Map.of("TYPEFORM_WEBHOOK_SECRET", "typeform-secret"), ""));
    assertThrows(WebhookException.class, () -> typeform.verify(r,
        Contexts.of("typeform", null, Map.of("TYPEFORM_WEBHOOK_SECRET", "Typeform-secret"), "")));
  }

  @Test
  void anNpsResponseIsOneItemWithItsScore() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("form-response.json", "").changes().get(0)).item();
    assertEquals(FeedbackIds.of("typeform", "lT4Z3j", "a3a12ec67a1365927098a606107fac15"), f.id());
    assertEquals(6.0, f.score());
    assertEquals(Feedback.Kind.SURVEY_ANSWER, f.kind());
    assertEquals("Reports are great but exports are slow for big workspaces.", f.text());
    assertEquals("cust-881", f.author().id());
    assertEquals("Ada Lovelace", f.author().displayName());
    assertEquals("https://admin.typeform.com/form/lT4Z3j/results#responses", f.permalink());
    assertEquals(Instant.parse("2025-11-21T17:00:00Z"), f.createdAt());
  }

  @Test
  void ratingsAndSeveralTextAnswersAreJoinedUnderTheirQuestions() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("form-response-rating.json", "").changes().get(0)).item();
    assertEquals(4.0, f.score());
    assertEquals("What should we improve?\nDark mode\n\nAnything else?\nLove the new charts #dashboard", f.text());
    assertEquals(java.util.List.of("dashboard"), f.hashtags());
  }

  @Test
  void staffByEmailDomainAndPartialResponsesIgnored() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class,
        parse("form-response.json", "typeform:@customer.example").changes().get(0)).item();
    assertTrue(f.author().staff());
    assertTrue(parse("form-partial-response.json", "").changes().isEmpty());
  }

  @Test
  void unfilledPlaceholdersAreRemovedFromQuestionTitles() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("form-response-placeholders.json", "").changes().get(0)).item();
    assertEquals("Hi, what is one thing we should fix?\nExports time out\n\n"
        + "You gave us stars. Tell us why.\nCharts are lovely, exports are not.\n\n"
        + "Anything else for the team?\nKeep it up", f.text());
  }

  @Test
  void theScoreIsTheSatisfactionQuestionNotTheFirstOpinionScale() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, parse("form-response-placeholders.json", "").changes().get(0)).item();
    assertEquals(4.0, f.score());
  }

  @Test
  void anOpinionScaleThatIsNotAboutSatisfactionIsNoScore() {
    Feedback f = assertInstanceOf(FeedbackChange.Create.class,
        parse("form-response-opinion-scale-not-satisfaction.json", "").changes().get(0)).item();
    assertNull(f.score());
    assertEquals("Exports time out", f.text());
  }
}
