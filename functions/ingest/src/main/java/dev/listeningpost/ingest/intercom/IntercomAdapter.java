package dev.listeningpost.ingest.intercom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Kind;
import dev.listeningpost.feedback.Feedback.ThreadRef;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.Hashtags;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.ingest.ChannelAdapter;
import dev.listeningpost.ingest.ChannelContext;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.HtmlText;
import dev.listeningpost.ingest.Payloads;
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.http.WebhookException;
import dev.listeningpost.ingest.http.WebhookRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Intercom webhooks (https://developers.intercom.com/docs/webhooks): notification events for the
 * topics {@code conversation.user.created}, {@code conversation.user.replied} and
 * {@code conversation.admin.replied} ({@code ping} is acknowledged). Signed with
 * {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>} keyed with the app's client secret.
 *
 * <p>Dedupe: on the conversation id (its opening message) and on each conversation part id, so a
 * redelivered notification, or a later notification repeating earlier parts, stores nothing twice.
 * The notification id is kept as {@code deliveryId}.
 */
@Singleton
public class IntercomAdapter implements ChannelAdapter {
  public static final String CHANNEL = "intercom";
  static final String SECRET = "client-secret";

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(WebhookRequest request, ChannelContext ctx) {
    Signatures.requireBodySignature(request, ctx, "x-hub-signature", SECRET,
        s -> "sha1=" + Signatures.hmacSha1Hex(s, request.body()));
  }

  @Override
  public Delivery parse(WebhookRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    String type = Payloads.text(root, "type", "");
    if (!"notification_event".equals(type)) {
      throw WebhookException.malformed("intercom payload type '" + type + "' is not a notification_event");
    }
    String topic = Payloads.text(root, "topic", "");
    if ("ping".equals(topic)) {
      return Delivery.ignored("ping");
    }
    if (!topic.equals("conversation.user.created") && !topic.equals("conversation.user.replied")
        && !topic.equals("conversation.admin.replied")) {
      return Delivery.ignored("intercom topic '" + topic + "' is not used");
    }
    String app = Payloads.text(root, "app_id", "");
    JsonNode item = Payloads.object(Payloads.object(root, "data", ""), "item", "data.");
    String conversationId = Payloads.text(item, "id", "data.item.");
    String conversationItem = FeedbackIds.of(CHANNEL, app, "conversation:" + conversationId);
    String permalink = "https://app.intercom.com/a/apps/" + app + "/conversations/" + conversationId;
    String notification = Payloads.optText(root, "id");
    byte[] raw = RawPayloads.compress(request.body());
    JsonNode source = item.get("source");
    String starterId = source == null ? null : Payloads.optText(source.get("author"), "id");

    List<FeedbackChange> changes = new ArrayList<>();
    if (topic.equals("conversation.user.created")) {
      if (source == null || !source.isObject()) {
        throw WebhookException.malformed("missing object 'data.item.source'");
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
        if (!"comment".equals(Payloads.optText(part, "part_type"))) {
          continue; // assignments, notes, state changes: not something a person said to the other side
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
