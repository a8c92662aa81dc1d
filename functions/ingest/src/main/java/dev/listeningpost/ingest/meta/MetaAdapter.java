package dev.listeningpost.ingest.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Kind;
import dev.listeningpost.feedback.Feedback.ThreadRef;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.feedback.Hashtags;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.ChannelAdapter;
import dev.listeningpost.ingest.ChannelContext;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.Payloads;
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.WebhookException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Meta Graph API webhooks (https://developers.facebook.com/docs/graph-api/webhooks/getting-started)
 * for Facebook Pages ({@code object: page}, field {@code feed}: posts and comments, added, edited
 * or removed) and Instagram ({@code object: instagram}, field {@code comments}). The verification
 * request ({@code GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...}) is answered
 * with the challenge when the token matches; deliveries are signed with
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>} keyed with the app secret.
 *
 * <p>Dedupe: on the comment or post id within the page or Instagram account; one delivery can
 * batch several entries and changes, each becomes its own item.
 */
@Singleton
public class MetaAdapter implements ChannelAdapter {
  public static final String CHANNEL = "meta";
  static final String SECRET = "app-secret";
  static final String VERIFY_TOKEN = "verify-token";
  private static final Set<String> FEED_ITEMS = Set.of("comment", "post", "status", "photo", "video");

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public HttpResponse handshake(HttpRequest request, ChannelContext ctx) {
    String mode = request.query().get("hub.mode");
    String token = request.query().get("hub.verify_token");
    String challenge = request.query().get("hub.challenge");
    if (!"subscribe".equals(mode) || challenge == null || token == null) {
      throw WebhookException.forbidden("expected hub.mode=subscribe with hub.verify_token and hub.challenge");
    }
    List<String> tokens = ctx.secret(VERIFY_TOKEN);
    boolean ok = false;
    for (String t : tokens) {
      ok |= Signatures.constantTimeEquals(t, token);
    }
    if (!ok) {
      throw WebhookException.forbidden("hub.verify_token does not match the configured verify token");
    }
    return HttpResponse.text(200, challenge);
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    Signatures.requireBodySignature(request, ctx, "x-hub-signature-256", SECRET,
        s -> "sha256=" + Signatures.hmacSha256Hex(s, request.body()));
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    String object = Payloads.text(root, "object", "");
    if (!"page".equals(object) && !"instagram".equals(object)) {
      return Delivery.ignored("meta object '" + object + "' is not used");
    }
    JsonNode entries = root.get("entry");
    if (entries == null || !entries.isArray()) {
      throw WebhookException.malformed("missing array 'entry'");
    }
    byte[] raw = RawPayloads.compress(request.body());
    List<FeedbackChange> out = new ArrayList<>();
    for (JsonNode entry : entries) {
      String account = Payloads.text(entry, "id", "entry[].");
      Instant entryTime = entry.hasNonNull("time") ? time(entry.get("time")) : ctx.now();
      JsonNode changes = entry.path("changes");
      for (JsonNode change : changes) {
        String field = Payloads.optText(change, "field");
        JsonNode value = change.get("value");
        if (value == null || !value.isObject()) {
          throw WebhookException.malformed("missing object 'entry[].changes[].value'");
        }
        if ("page".equals(object) && "feed".equals(field)) {
          FeedbackChange c = feed(value, account, entryTime, raw, ctx);
          if (c != null) {
            out.add(c);
          }
        } else if ("instagram".equals(object) && "comments".equals(field)) {
          out.add(instagram(value, account, entryTime, raw, ctx));
        }
      }
    }
    return out.isEmpty() ? Delivery.ignored("no page feed or instagram comment changes") : Delivery.of(out);
  }

  private FeedbackChange feed(JsonNode v, String page, Instant entryTime, byte[] raw, ChannelContext ctx) {
    String item = Payloads.optText(v, "item");
    String verb = Payloads.optText(v, "verb");
    if (item == null || !FEED_ITEMS.contains(item) || verb == null) {
      return null; // reactions, likes, shares: not something anyone wrote
    }
    boolean comment = "comment".equals(item);
    String postId = Payloads.optText(v, "post_id");
    String objectId = comment ? Payloads.text(v, "comment_id", "value.") : Payloads.text(v, "post_id", "value.");
    String id = FeedbackIds.of(CHANNEL, page, objectId);
    Instant at = v.hasNonNull("created_time") ? time(v.get("created_time")) : entryTime;
    if ("remove".equals(verb) || "hide".equals(verb)) {
      return new FeedbackChange.Delete(id, entryTime);
    }
    if (!"add".equals(verb) && !"edited".equals(verb)) {
      return null;
    }
    JsonNode from = v.get("from");
    String fromId = Payloads.optText(from, "id");
    String message = Payloads.optText(v, "message");
    String text = message == null ? "" : message.strip();
    String parentId = Payloads.optText(v, "parent_id");
    ThreadRef thread = ThreadRef.NONE;
    Kind kind = Kind.POST;
    if (comment) {
      String post = postId == null ? null : FeedbackIds.of(CHANNEL, page, postId);
      boolean nested = parentId != null && !parentId.equals(postId);
      kind = nested ? Kind.REPLY : Kind.COMMENT;
      thread = new ThreadRef(post, nested ? FeedbackIds.of(CHANNEL, page, parentId) : post, null);
    }
    Feedback f = Feedback.builder()
        .channel(CHANNEL)
        .workspace(page)
        .sourceId(objectId)
        .kind(kind)
        .text(text)
        // The page answering as itself is the brand speaking.
        .author(new Author(fromId, null, Payloads.optText(from, "name"), page.equals(fromId) || ctx.isStaff(fromId, null, null)))
        .thread(thread)
        .permalink(facebookLink(postId, comment ? objectId : null))
        .createdAt(at)
        .receivedAt(ctx.now())
        .hashtags(Hashtags.in(text))
        .rawPayload(raw)
        .build();
    return "edited".equals(verb) ? new FeedbackChange.Edit(f, entryTime) : new FeedbackChange.Create(f);
  }

  private FeedbackChange instagram(JsonNode v, String account, Instant entryTime, byte[] raw, ChannelContext ctx) {
    String commentId = Payloads.text(v, "id", "value.");
    JsonNode from = v.get("from");
    String fromId = Payloads.optText(from, "id");
    String username = Payloads.optText(from, "username");
    String text = Payloads.optText(v, "text") == null ? "" : Payloads.optText(v, "text").strip();
    String mediaId = Payloads.optText(v.get("media"), "id");
    String parentId = Payloads.optText(v, "parent_id");
    String media = mediaId == null ? null : FeedbackIds.of(CHANNEL, account, "media:" + mediaId);
    Feedback f = Feedback.builder()
        .channel(CHANNEL)
        .workspace(account)
        .sourceId(commentId)
        .kind(parentId == null ? Kind.COMMENT : Kind.REPLY)
        .text(text)
        .author(new Author(fromId, username, null, account.equals(fromId) || ctx.isStaff(fromId, username, null)))
        .thread(new ThreadRef(media, parentId == null ? media : FeedbackIds.of(CHANNEL, account, parentId), null))
        // Instagram comment payloads carry no permalink and none can be built without a Graph API call.
        .permalink(null)
        .createdAt(entryTime)
        .receivedAt(ctx.now())
        .hashtags(Hashtags.in(text))
        .rawPayload(raw)
        .build();
    return new FeedbackChange.Create(f);
  }

  private static String facebookLink(String postId, String commentId) {
    if (postId == null) {
      return null;
    }
    String link = "https://www.facebook.com/" + postId;
    if (commentId == null) {
      return link;
    }
    int underscore = commentId.indexOf('_');
    return link + "?comment_id=" + (underscore >= 0 ? commentId.substring(underscore + 1) : commentId);
  }

  /** Meta sends epoch seconds, occasionally milliseconds (entry.time on some objects). */
  private static Instant time(JsonNode n) {
    if (!n.canConvertToLong() && !n.isTextual()) {
      throw WebhookException.malformed("a time field is not a number");
    }
    long v;
    try {
      v = n.isTextual() ? Long.parseLong(n.asText()) : n.asLong();
    } catch (NumberFormatException e) {
      throw WebhookException.malformed("a time field is not a number");
    }
    if (Math.abs(v) > 100_000_000_000L) {
      v = v / 1000;
    }
    if (Math.abs(v) > 100_000_000_000L) {
      throw WebhookException.malformed("a time field is out of range");
    }
    return Instant.ofEpochSecond(v);
  }
}
