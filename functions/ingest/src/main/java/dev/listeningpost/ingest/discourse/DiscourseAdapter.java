package dev.listeningpost.ingest.discourse;

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
import dev.listeningpost.ingest.github.MarkdownText;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Discourse outgoing webhooks (https://meta.discourse.org/t/configure-webhooks-that-trigger-on-discourse-events/49045):
 * {@code ping} and the post events {@code post_created}, {@code post_edited}, {@code post_destroyed}.
 * Signed with {@code X-Discourse-Event-Signature: sha256=<hex HMAC-SHA256 of the body>}.
 *
 * <p>Dedupe: {@code X-Discourse-Event-Id} changes on every retry, so the item id comes from the
 * post itself (topic id and post number, which are stable and let a reply name its parent post:
 * the payload carries {@code reply_to_post_number}, not the parent's post id). Creation is
 * idempotent per post and an edit per post and {@code updated_at}.
 */
@Singleton
public class DiscourseAdapter implements ChannelAdapter {
  public static final String CHANNEL = "discourse";
  static final String SECRET = "webhook-secret";
  // Discourse's regular post type; 2 moderator action, 3 small action ("closed the topic"), 4 whisper.
  private static final int REGULAR = 1;

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    Signatures.requireBodySignature(request, ctx, "x-discourse-event-signature", SECRET,
        s -> "sha256=" + Signatures.hmacSha256Hex(s, request.body()));
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    String event = request.header("x-discourse-event");
    JsonNode root = Payloads.object(request.body());
    if (event == null || event.isBlank()) {
      throw WebhookException.malformed("missing X-Discourse-Event header");
    }
    if ("ping".equals(event)) {
      return Delivery.ignored("ping");
    }
    if (!event.startsWith("post_")) {
      return Delivery.ignored("discourse event '" + event + "' is not used");
    }
    String instance = request.header("x-discourse-instance");
    String forum = forum(instance, ctx.source());
    JsonNode post = Payloads.object(root, "post", "");
    String topicId = Payloads.text(post, "topic_id", "post.");
    String postNumber = Payloads.text(post, "post_number", "post.");
    String id = FeedbackIds.of(CHANNEL, forum, sourceId(topicId, postNumber));
    switch (event) {
      case "post_destroyed" -> {
        String deleted = Payloads.optText(post, "deleted_at");
        return Delivery.of(new FeedbackChange.Delete(id,
            deleted == null ? ctx.now() : Payloads.isoInstant(deleted, "post.deleted_at")));
      }
      case "post_created", "post_edited" -> {
        int userId = post.path("user_id").asInt(0);
        if (userId <= 0) {
          // system (-1) and discobot (-2) are Discourse's own automated users
          return Delivery.ignored("automated author");
        }
        if (post.path("post_type").asInt(REGULAR) != REGULAR) {
          return Delivery.ignored("discourse post type " + post.path("post_type").asInt() + " is not feedback");
        }
        Feedback item = item(post, forum, instance, topicId, postNumber, request, ctx);
        if ("post_created".equals(event)) {
          return Delivery.of(new FeedbackChange.Create(item));
        }
        String updated = Payloads.optText(post, "updated_at");
        return Delivery.of(new FeedbackChange.Edit(item,
            updated == null ? ctx.now() : Payloads.isoInstant(updated, "post.updated_at")));
      }
      default -> {
        return Delivery.ignored("discourse event '" + event + "' is not used");
      }
    }
  }

  private Feedback item(JsonNode post, String forum, String instance, String topicId, String postNumber,
                        HttpRequest request, ChannelContext ctx) {
    String username = Payloads.text(post, "username", "post.");
    String userId = Payloads.text(post, "user_id", "post.");
    boolean staff = post.path("staff").asBoolean(false) || post.path("admin").asBoolean(false)
        || post.path("moderator").asBoolean(false) || ctx.isStaff(userId, username, null);
    String cooked = Payloads.optText(post, "cooked");
    String text = cooked != null ? HtmlText.plain(cooked) : MarkdownText.plain(Payloads.optText(post, "raw"));

    boolean first = "1".equals(postNumber);
    String root = FeedbackIds.of(CHANNEL, forum, sourceId(topicId, "1"));
    String replyTo = Payloads.optText(post, "reply_to_post_number");
    ThreadRef thread;
    if (first) {
      thread = ThreadRef.NONE;
    } else if (replyTo != null) {
      thread = new ThreadRef(root, FeedbackIds.of(CHANNEL, forum, sourceId(topicId, replyTo)),
          Payloads.optText(post.get("reply_to_user"), "username"));
    } else {
      // A reply to the topic as a whole answers its first post.
      thread = new ThreadRef(root, root, null);
    }
    String slug = Payloads.optText(post, "topic_slug");
    String permalink = instance == null || !instance.startsWith("http") ? null
        : instance.replaceAll("/+$", "") + "/t/" + (slug == null ? "-" : slug) + "/" + topicId + "/" + postNumber;
    return Feedback.builder()
        .channel(CHANNEL)
        .workspace(forum)
        .sourceId(sourceId(topicId, postNumber))
        .kind(first ? Kind.POST : Kind.REPLY)
        .text(text)
        // Usernames are the author ids: reply payloads name the replied-to author by username only.
        .author(new Author(username, username, Payloads.optText(post, "name"), staff))
        .thread(thread)
        .permalink(permalink)
        .createdAt(Payloads.isoInstant(Payloads.text(post, "created_at", "post."), "post.created_at"))
        .receivedAt(ctx.now())
        .deliveryId(request.header("x-discourse-event-id"))
        .hashtags(Hashtags.in(text))
        .rawPayload(RawPayloads.compress(request.body()))
        .build();
  }

  static String sourceId(String topicId, String postNumber) {
    return "t" + topicId + "/p" + postNumber;
  }

  /** The forum's host name (e.g. {@code forum.example.com}), else the {@code {source}} path segment. */
  static String forum(String instance, String source) {
    if (instance != null) {
      try {
        String host = URI.create(instance.trim()).getHost();
        if (host != null) {
          return host.toLowerCase(Locale.ROOT);
        }
      } catch (IllegalArgumentException ignored) {
        // fall back to the source segment
      }
    }
    return source == null ? CHANNEL : source;
  }

  @Override
  public java.util.Set<String> replayHeaders() {
    return java.util.Set.of("x-discourse-event", "x-discourse-instance", "x-discourse-event-id");
  }

  @Override
  public HttpRequest replay(Feedback stored, byte[] body) {
    return new HttpRequest("POST", "/webhooks/" + CHANNEL, Map.of("content-type", "application/json",
        "x-discourse-event", "post_created", "x-discourse-instance", "https://" + stored.workspace(),
        "x-discourse-event-id", stored.deliveryId() == null ? "" : stored.deliveryId()), Map.of(), body);
  }
}
