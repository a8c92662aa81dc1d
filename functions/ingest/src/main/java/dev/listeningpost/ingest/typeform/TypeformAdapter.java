package dev.listeningpost.ingest.typeform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Kind;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Hashtags;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.ingest.ChannelAdapter;
import dev.listeningpost.ingest.ChannelContext;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.Payloads;
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.WebhookException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typeform webhooks (https://www.typeform.com/developers/webhooks/): {@code form_response} events.
 * Signed with {@code Typeform-Signature: sha256=<base64 HMAC-SHA256 of the body>}.
 *
 * <p>One response is one item: the free-text answers joined (each under its question title when
 * there are several, unfilled recall placeholders such as {@code {{field:name}}} removed from titles)
 * and, as the score, the first NPS answer, else the first rating / opinion-scale answer whose
 * question asks about satisfaction ("satisfied", "recommend", "rate"...): an opinion scale about
 * something else (hours, team size) is not a score. Dedupe on
 * {@code form_response.token}, which Typeform keeps across redeliveries.
 */
@Singleton
public class TypeformAdapter implements ChannelAdapter {
  public static final String CHANNEL = "typeform";
  static final String SECRET = "webhook-secret";
  private static final Set<String> SCALE_FIELDS = Set.of("rating", "opinion_scale");
  private static final java.util.regex.Pattern SATISFACTION = java.util.regex.Pattern.compile(
      "(?i)satisf|recommend|\\brat(e|ing)\\b|\\bhappy\\b|\\bcsat\\b|\\bnps\\b|experience with");
  // Typeform's recall placeholders, left in titles when the recalled answer or field was empty.
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
      "\\{\\{\\s*(answer_|field:|hidden:|var:)[^{}]*}}");
  private static final Set<String> TEXT_FIELDS = Set.of("long_text", "short_text");
  // Hidden fields a form may pass to identify the respondent (https://www.typeform.com/help/a/using-hidden-fields-360052676612/).
  private static final List<String> HIDDEN_ID = List.of("user_id", "userid", "id", "customer_id");
  private static final List<String> HIDDEN_NAME = List.of("name", "full_name", "username");

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    Signatures.requireBodySignature(request, ctx, "typeform-signature", SECRET,
        s -> "sha256=" + Signatures.hmacSha256Base64(s, request.body()));
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    String type = Payloads.text(root, "event_type", "");
    if (!"form_response".equals(type)) {
      return Delivery.ignored("typeform event '" + type + "' is not used");
    }
    JsonNode response = Payloads.object(root, "form_response", "");
    String formId = Payloads.text(response, "form_id", "form_response.");
    String token = Payloads.text(response, "token", "form_response.");
    JsonNode answers = response.get("answers");
    if (answers == null || !answers.isArray()) {
      throw WebhookException.malformed("missing array 'form_response.answers'");
    }
    List<String[]> texts = new ArrayList<>();
    Double nps = null;
    Double scale = null;
    String email = null;
    for (JsonNode a : answers) {
      JsonNode field = a.path("field");
      String fieldType = Payloads.optText(field, "type");
      String answerType = Payloads.optText(a, "type");
      if ("nps".equals(fieldType) && a.path("number").isNumber()) {
        nps = nps == null ? a.get("number").asDouble() : nps;
      } else if (SCALE_FIELDS.contains(fieldType) && a.path("number").isNumber()) {
        String question = title(response, Payloads.optText(field, "id"));
        if (scale == null && question != null && SATISFACTION.matcher(question).find()) {
          scale = a.get("number").asDouble();
        }
      } else if ("text".equals(answerType) && (fieldType == null || TEXT_FIELDS.contains(fieldType))) {
        String t = Payloads.optText(a, "text");
        if (t != null && !t.isBlank()) {
          texts.add(new String[] {title(response, Payloads.optText(field, "id")), t.strip()});
        }
      } else if ("email".equals(answerType) && email == null) {
        email = Payloads.optText(a, "email");
      }
    }
    Double score = nps != null ? nps : scale;
    if (texts.isEmpty() && score == null) {
      return Delivery.ignored("response has no free-text or score answer");
    }
    String text = texts.size() == 1 ? texts.get(0)[1] : String.join("\n\n", texts.stream()
        .map(t -> t[0] == null ? t[1] : t[0] + "\n" + t[1]).toList());

    JsonNode hidden = response.get("hidden");
    String userId = first(hidden, HIDDEN_ID);
    String name = first(hidden, HIDDEN_NAME);
    if (email == null) {
      email = Payloads.optText(hidden, "email");
    }
    Feedback item = Feedback.builder()
        .channel(CHANNEL)
        .workspace(formId)
        .sourceId(token)
        .kind(Kind.SURVEY_ANSWER)
        .text(text)
        .author(new Author(userId, null, name, ctx.isStaff(userId, null, email)))
        // Responses have no public page; this opens the form's results for someone signed in.
        .permalink("https://admin.typeform.com/form/" + formId + "/results#responses")
        .createdAt(Payloads.isoInstant(Payloads.text(response, "submitted_at", "form_response."), "form_response.submitted_at"))
        .receivedAt(ctx.now())
        .score(score)
        .deliveryId(Payloads.optText(root, "event_id"))
        .hashtags(Hashtags.in(text))
        .rawPayload(RawPayloads.compress(request.body()))
        .build();
    return Delivery.of(new FeedbackChange.Create(item));
  }

  private static String title(JsonNode response, String fieldId) {
    JsonNode fields = response.path("definition").path("fields");
    if (fieldId == null || !fields.isArray()) {
      return null;
    }
    for (JsonNode f : fields) {
      if (fieldId.equals(Payloads.optText(f, "id"))) {
        String title = Payloads.optText(f, "title");
        return title == null ? null : withoutPlaceholders(title);
      }
    }
    return null;
  }

  /** A title with unfilled placeholders removed and the spacing and punctuation around them tidied. */
  static String withoutPlaceholders(String title) {
    String t = PLACEHOLDER.matcher(title).replaceAll("");
    t = t.replaceAll("[ \\t]{2,}", " ").replaceAll("\\s*,\\s*([.?!])", "$1").replaceAll("\\s+([,.?!])", "$1");
    return t.strip();
  }

  private static String first(JsonNode hidden, List<String> names) {
    for (String n : names) {
      String v = Payloads.optText(hidden, n);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
