package dev.listeningpost.ingest.intercom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Kind;
import dev.listeningpost.feedback.Feedback.ThreadRef;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.Hashtags;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.ingest.ChannelAdapter;
import dev.listeningpost.ingest.ChannelContext;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.HtmlText;
import dev.listeningpost.ingest.Payloads;
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.WebhookException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Intercom webhooks (https://developers.intercom.com/docs/webhooks): notification events for the
 * topics {@code conversation.user.created}, {@code conversation.user.replied} and
 * {@code conversation.admin.replied} and {@code conversation.admin.assigned} ({@code ping} is
 * acknowledged). Both payload generations are read: API 2.x puts a conversation's opening message in
 * {@code source}, API 1.x in {@code conversation_message}. Signed with
 * {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>} keyed with the app's client secret.
 *
 * <p>Dedupe: on the conversation id (its opening message) and on each conversation part id, so a
 * redelivered notification, or a later notification repeating earlier parts, stores nothing twice.
 * The notification id is kept as {@code deliveryId}.
 *
 * <p>A part is something a person said to the other side when it is a {@code comment}, or an
 * assignment/open/close/snooze part with a body: Intercom delivers "reply and assign" (or close) as
 * one such part, so the reply would be lost if only comments counted. Notes stay internal.
 */
@Singleton
public class IntercomAdapter implements ChannelAdapter {
  public static final String CHANNEL = "intercom";
  static final String SECRET = "client-secret";
  private static final java.util.Set<String> TOPICS = java.util.Set.of("conversation.user.created",
      "conversation.user.replied", "conversation.admin.replied", "conversation.admin.assigned");
  private static final java.util.Set<String> ACTIONS_WITH_REPLY = java.util.Set.of("assignment", "open", "close", "snoozed");

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    Signatures.requireBodySignature(request, ctx, "x-hub-signature", SECRET,
        s -> "sha1=" + Signatures.hmacSha1Hex(s, request.body()));
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    String type = Payloads.text(root, "type", "");
    if (!"notification_event".equals(type)) {
      throw WebhookException.malformed("intercom payload type '" + type + "' is not a notification_event");
    }
    String topic = Payloads.text(root, "topic", "");
    if ("ping".equals(topic)) {
      return Delivery.ignored("ping");
    }
    if (!TOPICS.contains(topic)) {
      return Delivery.ignored("intercom topic '" + topic + "' is not used");
    }
    String app = Payloads.text(root, "app_id", "");
    JsonNode item = Payloads.object(Payloads.object(root, "data", ""), "item", "data.");
    String conversationId = Payloads.text(item, "id", "data.item.");
    String conversationItem = FeedbackIds.of(CHANNEL, app, "conversation:" + conversationId);
    String permalink = "https://app.intercom.com/a/apps/" + app + "/conversations/" + conversationId;
    String notification = Payloads.optText(root, "id");
    byte[] raw = RawPayloads.compress(request.body());
    JsonNode source = opening(item);
    String starterId = source == null ? Payloads.optText(item.get("user"), "id") : Payloads.optText(source.get("author"), "id");

    List<FeedbackChange> changes = new ArrayList<>();
    if (topic.equals("conversation.user.created")) {
      if (source == null) {
        throw WebhookException.malformed("missing object 'data.item.source' (or 'data.item.conversation_message')");
      }
      JsonNode author = Payloads.object(source, "author", "data.item.source.");
      if (isBot(author)) {
        return Delivery.ignored("bot author");
      }
      String subject = HtmlText.plain(Payloads.optText(source, "subject"));
      String body = HtmlText.plain(Payloads.optText(source, "body"));
      String text = (subject.isEmpty() ? body : subject + "\n\n" + body).strip();
      changes.add(new FeedbackChange.Create(builder(app, "conversation:" + conversationId, text, author, ctx)
          .kind(Kind.MESSAGE)
          .permalink(permalink)
          .createdAt(Payloads.epochSeconds(item, "created_at", "data.item."))
          .deliveryId(notification)
          .rawPayload(raw)
          .build()));
    } else {
      JsonNode parts = item.path("conversation_parts").path("conversation_parts");
      if (!parts.isArray()) {
        throw WebhookException.malformed("missing array 'data.item.conversation_parts.conversation_parts'");
      }
      for (JsonNode part : parts) {
        if (!spoken(part)) {
          continue; // notes, bare assignments and state changes: not something a person said to the other side
        }
        JsonNode author = Payloads.object(part, "author", "conversation_part.");
        String text = HtmlText.plain(Payloads.optText(part, "body"));
        if (isBot(author) || text.isEmpty()) {
          continue;
        }
        boolean admin = "admin".equals(Payloads.optText(author, "type"));
        changes.add(new FeedbackChange.Create(builder(app, "part:" + Payloads.text(part, "id", "conversation_part."), text, author, ctx)
            .kind(Kind.REPLY)
            // An admin reply answers the person who started the conversation.
            .thread(new ThreadRef(conversationItem, conversationItem, admin ? starterId : null))
            .permalink(permalink)
            .createdAt(Payloads.epochSeconds(part, "created_at", "conversation_part."))
            .deliveryId(notification)
            .rawPayload(raw)
            .build()));
      }
      if (changes.isEmpty()) {
        return Delivery.ignored("no comment parts by people");
      }
    }
    return Delivery.of(changes);
  }

  /** The opening message: {@code source} (API 2.x) or {@code conversation_message} (API 1.x). */
  private static JsonNode opening(JsonNode item) {
    for (String field : new String[] {"source", "conversation_message"}) {
      JsonNode v = item.get(field);
      if (v != null && v.isObject()) {
        return v;
      }
    }
    return null;
  }

  private static boolean spoken(JsonNode part) {
    String type = Payloads.optText(part, "part_type");
    return "comment".equals(type) || ACTIONS_WITH_REPLY.contains(type) && Payloads.optText(part, "body") != null;
  }

  private static boolean isBot(JsonNode author) {
    String type = Payloads.optText(author, "type");
    return "bot".equals(type) || "team".equals(type);
  }

  private static Feedback.Builder builder(String app, String sourceId, String text, JsonNode author, ChannelContext ctx) {
    String id = Payloads.optText(author, "id");
    String email = Payloads.optText(author, "email");
    boolean staff = "admin".equals(Payloads.optText(author, "type")) || ctx.isStaff(id, null, email);
    return Feedback.builder()
        .channel(CHANNEL)
        .workspace(app)
        .sourceId(sourceId)
        .text(text)
        .author(new Author(id, null, Payloads.optText(author, "name"), staff))
        .receivedAt(ctx.now())
        .hashtags(Hashtags.in(text));
  }
}
