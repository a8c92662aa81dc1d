package dev.listeningpost.ingest.github;

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
import dev.listeningpost.ingest.Payloads;
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.WebhookException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * GitHub repository and organization webhooks
 * (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries): {@code ping},
 * {@code issues}, {@code issue_comment}, {@code discussion} and {@code discussion_comment}, each
 * {@code created}/{@code opened}, {@code edited} and {@code deleted}. Signed with
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}.
 *
 * <p>Dedupe: the item id is derived from the repository and the issue, discussion or comment id, so
 * a redelivery (same {@code X-GitHub-Delivery}) or an edit maps to the same item; the delivery id is
 * kept as {@code deliveryId}.
 */
@Singleton
public class GitHubAdapter implements ChannelAdapter {
  public static final String CHANNEL = "github";
  static final String SECRET = "webhook-secret";
  // author_association values that mean the author has write access or belongs to the org.
  private static final Set<String> STAFF_ASSOCIATIONS = Set.of("OWNER", "MEMBER", "COLLABORATOR");
  private static final Map<String, String> EVENT_OBJECT = Map.of(
      "issues", "issue", "issue_comment", "comment", "discussion", "discussion", "discussion_comment", "comment");

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    Signatures.requireBodySignature(request, ctx, "x-hub-signature-256", SECRET,
        s -> "sha256=" + Signatures.hmacSha256Hex(s, request.body()));
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    String event = request.header("x-github-event");
    if (event == null || event.isBlank()) {
      throw WebhookException.malformed("missing X-GitHub-Event header");
    }
    JsonNode root = Payloads.object(request.body());
    if ("ping".equals(event)) {
      return Delivery.ignored("ping: webhook " + Payloads.optText(root, "hook_id") + " is connected");
    }
    String objectField = EVENT_OBJECT.get(event);
    if (objectField == null) {
      return Delivery.ignored("github event '" + event + "' is not used");
    }
    String action = Payloads.text(root, "action", "");
    String repo = Payloads.text(Payloads.object(root, "repository", ""), "full_name", "repository.");
    JsonNode object = Payloads.object(root, objectField, "");
    String sourceId = sourceId(event, Payloads.text(object, "id", objectField + "."));
    String id = FeedbackIds.of(CHANNEL, repo, sourceId);

    boolean create = "created".equals(action) || "opened".equals(action);
    if ("deleted".equals(action)) {
      return Delivery.of(new FeedbackChange.Delete(id, ctx.now()));
    }
    if (!create && !"edited".equals(action)) {
      return Delivery.ignored("github " + event + " action '" + action + "' is not used");
    }
    JsonNode user = Payloads.object(object, "user", objectField + ".");
    JsonNode sender = root.get("sender");
    if ("Bot".equals(Payloads.optText(user, "type")) || (create && "Bot".equals(Payloads.optText(sender, "type")))) {
      return Delivery.ignored("bot author");
    }
    Feedback item = item(event, root, object, user, repo, sourceId, request, ctx);
    if (create) {
      return Delivery.of(new FeedbackChange.Create(item));
    }
    String updated = Payloads.optText(object, "updated_at");
    Instant editedAt = updated == null ? ctx.now() : Payloads.isoInstant(updated, objectField + ".updated_at");
    return Delivery.of(new FeedbackChange.Edit(item, editedAt));
  }

  private Feedback item(String event, JsonNode root, JsonNode object, JsonNode user, String repo, String sourceId,
                        HttpRequest request, ChannelContext ctx) {
    String userId = Payloads.text(user, "id", "user.");
    String login = Payloads.optText(user, "login");
    String association = Payloads.optText(object, "author_association");
    boolean staff = (association != null && STAFF_ASSOCIATIONS.contains(association))
        || ctx.isStaff(userId, login, null);

    Kind kind;
    String text;
    ThreadRef thread;
    switch (event) {
      case "issues", "discussion" -> {
        kind = Kind.POST;
        text = (title(object) + MarkdownText.plain(Payloads.optText(object, "body"))).strip();
        thread = ThreadRef.NONE;
      }
      case "issue_comment" -> {
        JsonNode issue = Payloads.object(root, "issue", "");
        String issueItem = FeedbackIds.of(CHANNEL, repo, sourceId("issues", Payloads.text(issue, "id", "issue.")));
        kind = Kind.COMMENT;
        text = MarkdownText.plain(Payloads.optText(object, "body"));
        thread = new ThreadRef(issueItem, issueItem, Payloads.optText(issue.get("user"), "id"));
      }
      default -> {
        JsonNode discussion = Payloads.object(root, "discussion", "");
        String discussionItem = FeedbackIds.of(CHANNEL, repo,
            sourceId("discussion", Payloads.text(discussion, "id", "discussion.")));
        String parent = Payloads.optText(object, "parent_id");
        kind = parent == null ? Kind.COMMENT : Kind.REPLY;
        text = MarkdownText.plain(Payloads.optText(object, "body"));
        // A nested reply answers another comment, whose author the payload does not carry.
        thread = parent == null
            ? new ThreadRef(discussionItem, discussionItem, Payloads.optText(discussion.get("user"), "id"))
            : new ThreadRef(discussionItem, FeedbackIds.of(CHANNEL, repo, sourceId(event, parent)), null);
      }
    }
    String created = Payloads.text(object, "created_at", "");
    return Feedback.builder()
        .channel(CHANNEL)
        .workspace(repo)
        .sourceId(sourceId)
        .kind(kind)
        .text(text)
        .author(new Author(userId, login, null, staff))
        .thread(thread)
        .permalink(Payloads.optText(object, "html_url"))
        .createdAt(Payloads.isoInstant(created, "created_at"))
        .receivedAt(ctx.now())
        .deliveryId(request.header("x-github-delivery"))
        .hashtags(Hashtags.in(text))
        .rawPayload(RawPayloads.compress(request.body()))
        .build();
  }

  private static String title(JsonNode object) {
    String title = Payloads.optText(object, "title");
    return title == null ? "" : title.strip() + "\n\n";
  }

  /** {@code issue:1}, {@code issue_comment:2}...: ids are only unique per object type. */
  static String sourceId(String event, String objectId) {
    return switch (event) {
      case "issues" -> "issue:" + objectId;
      default -> event + ":" + objectId;
    };
  }

  @Override
  public java.util.Set<String> replayHeaders() {
    return java.util.Set.of("x-github-event", "x-github-delivery");
  }

  @Override
  public HttpRequest replay(Feedback stored, byte[] body) {
    String prefix = stored.sourceId() == null ? "" : stored.sourceId().substring(0, Math.max(0, stored.sourceId().indexOf(':')));
    String event = "issue".equals(prefix) ? "issues" : prefix;
    return new HttpRequest("POST", "/webhooks/" + CHANNEL, Map.of("content-type", "application/json",
        "x-github-event", event, "x-github-delivery", stored.deliveryId() == null ? "" : stored.deliveryId()),
        Map.of(), body);
  }
}
