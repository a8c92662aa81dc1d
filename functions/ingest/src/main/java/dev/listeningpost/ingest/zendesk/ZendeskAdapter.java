package dev.listeningpost.ingest.zendesk;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Zendesk webhooks (https://developer.zendesk.com/documentation/webhooks/verifying/). Two payload
 * families: event-subscription webhooks ({@code zen:event-type:ticket.created},
 * {@code zen:event-type:ticket.comment_added}) and a trigger webhook whose JSON body is the
 * satisfaction template in docs/channels.md ({@code "type": "listening_post.satisfaction"}).
 * Signed with {@code X-Zendesk-Webhook-Signature: base64(HMAC-SHA256(timestamp + body))} and
 * {@code X-Zendesk-Webhook-Signature-Timestamp} (ISO-8601), accepted within 5 minutes.
 *
 * <p>Dedupe: on the ticket id, the comment id, and for ratings on the ticket (a changed rating is
 * an edit of the same item). The event {@code id} is kept as {@code deliveryId}. The {@code {source}}
 * path segment is the Zendesk subdomain, used to build agent links.
 */
@Singleton
public class ZendeskAdapter implements ChannelAdapter {
  public static final String CHANNEL = "zendesk";
  static final String SECRET = "signing-secret";
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final String SATISFACTION = "listening_post.satisfaction";

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    String signature = request.header("x-zendesk-webhook-signature");
    String timestamp = request.header("x-zendesk-webhook-signature-timestamp");
    if (signature == null || timestamp == null) {
      throw WebhookException.unauthorized("missing X-Zendesk-Webhook-Signature or X-Zendesk-Webhook-Signature-Timestamp header");
    }
    Instant at;
    try {
      at = Payloads.isoInstant(timestamp.trim(), "timestamp");
    } catch (WebhookException e) {
      throw WebhookException.unauthorized("X-Zendesk-Webhook-Signature-Timestamp is not an ISO-8601 timestamp");
    }
    Signatures.requireFresh(at, ctx.now(), WINDOW);
    List<String> secrets = Signatures.requireSecrets(ctx, SECRET);
    byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
    if (!Signatures.anyMatches(secrets, signature, s -> Signatures.hmacSha256Base64(s, prefix, request.body()))) {
      throw WebhookException.unauthorized("X-Zendesk-Webhook-Signature does not match the request body");
    }
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    String type = Payloads.text(root, "type", "");
    String account = workspace(root, ctx);
    return switch (type) {
      case "zen:event-type:ticket.created" -> ticket(root, account, request, ctx);
      case "zen:event-type:ticket.comment_added" -> comment(root, account, request, ctx);
      case SATISFACTION -> satisfaction(root, account, request, ctx);
      default -> Delivery.ignored("zendesk event '" + type + "' is not used");
    };
  }

  private static String workspace(JsonNode root, ChannelContext ctx) {
    if (ctx.source() != null) {
      return ctx.source().toLowerCase(Locale.ROOT);
    }
    String account = Payloads.optText(root, "account_id");
    return account == null ? CHANNEL : account;
  }

  private Delivery ticket(JsonNode root, String account, HttpRequest request, ChannelContext ctx) {
    JsonNode detail = Payloads.object(root, "detail", "");
    String ticketId = Payloads.text(detail, "id", "detail.");
    String subject = Payloads.optText(detail, "subject");
    String description = HtmlText.plain(Payloads.optText(detail, "description"));
    String text = ((subject == null ? "" : subject.strip() + "\n\n") + description).strip();
    String requester = Payloads.optText(detail, "requester_id");
    Feedback item = base(account, "ticket:" + ticketId, text, root, request, ctx)
        .kind(Kind.TICKET)
        .author(new Author(requester, null, null, ctx.isStaff(requester, null, null)))
        .permalink(link(ctx, ticketId))
        .createdAt(Payloads.isoInstant(Payloads.text(detail, "created_at", "detail."), "detail.created_at"))
        .build();
    return Delivery.of(new FeedbackChange.Create(item));
  }

  private Delivery comment(JsonNode root, String account, HttpRequest request, ChannelContext ctx) {
    JsonNode detail = Payloads.object(root, "detail", "");
    String ticketId = Payloads.text(detail, "id", "detail.");
    JsonNode comment = Payloads.object(Payloads.object(root, "event", ""), "comment", "event.");
    if (!comment.path("is_public").asBoolean(true)) {
      return Delivery.ignored("internal note");
    }
    String text = HtmlText.plain(Payloads.optText(comment, "body"));
    String description = HtmlText.plain(Payloads.optText(detail, "description"));
    if (text.isEmpty() || text.equals(description)) {
      // Zendesk also reports a new ticket's first comment; the ticket item already holds it.
      return Delivery.ignored("first comment is the ticket description");
    }
    JsonNode author = Payloads.object(comment, "author", "event.comment.");
    String authorId = Payloads.optText(author, "id");
    boolean staff = author.path("is_staff").asBoolean(false) || ctx.isStaff(authorId, null, null);
    String ticketItem = FeedbackIds.of(CHANNEL, account, "ticket:" + ticketId);
    String requester = Payloads.optText(detail, "requester_id");
    Instant at = Payloads.isoInstant(Payloads.text(root, "time", ""), "time");
    Feedback item = base(account, "comment:" + Payloads.text(comment, "id", "event.comment."), text, root, request, ctx)
        .kind(Kind.REPLY)
        .author(new Author(authorId, null, Payloads.optText(author, "name"), staff))
        // An agent's reply answers the requester; a requester's follow-up continues the ticket.
        .thread(new ThreadRef(ticketItem, ticketItem, staff ? requester : null))
        .permalink(link(ctx, ticketId))
        .createdAt(at)
        .build();
    return Delivery.of(new FeedbackChange.Create(item));
  }

  private Delivery satisfaction(JsonNode root, String account, HttpRequest request, ChannelContext ctx) {
    String ticketId = Payloads.text(root, "ticket_id", "");
    String rating = Payloads.text(root, "rating", "");
    Double score = score(rating);
    if (score == null) {
      return Delivery.ignored("ticket not rated ('" + rating + "')");
    }
    String requester = Payloads.optText(root, "requester_id");
    String text = HtmlText.plain(Payloads.optText(root, "comment"));
    String ticketItem = FeedbackIds.of(CHANNEL, account, "ticket:" + ticketId);
    Instant at = Payloads.isoInstant(Payloads.text(root, "updated_at", ""), "updated_at");
    String url = Payloads.optText(root, "url");
    Feedback item = base(account, "satisfaction:" + ticketId, text, root, request, ctx)
        .kind(Kind.SURVEY_ANSWER)
        .author(new Author(requester, null, Payloads.optText(root, "requester_name"),
            ctx.isStaff(requester, null, Payloads.optText(root, "requester_email"))))
        .thread(new ThreadRef(ticketItem, ticketItem, null))
        .permalink(link(ctx, ticketId) != null ? link(ctx, ticketId) : url == null ? null : url.startsWith("http") ? url : "https://" + url)
        .createdAt(at)
        .score(score)
        .build();
    // A customer may change a rating: the newer one replaces the older on the same item.
    return Delivery.of(new FeedbackChange.Edit(item, at));
  }

  /** CSAT: "good"/"bad" (Zendesk's binary rating) as 1/0, or a numeric rating as given; else null. */
  static Double score(String rating) {
    String r = rating.trim().toLowerCase(Locale.ROOT);
    switch (r) {
      case "good":
      case "goodwithcomment":
        return 1.0;
      case "bad":
      case "badwithcomment":
        return 0.0;
      default:
        try {
          double d = Double.parseDouble(r);
          return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
          return null; // "unoffered", "offered": no rating yet
        }
    }
  }

  private static Feedback.Builder base(String account, String sourceId, String text, JsonNode root,
                                       HttpRequest request, ChannelContext ctx) {
    return Feedback.builder()
        .channel(CHANNEL)
        .workspace(account)
        .sourceId(sourceId)
        .text(text)
        .receivedAt(ctx.now())
        .deliveryId(Payloads.optText(root, "id"))
        .hashtags(Hashtags.in(text))
        .rawPayload(RawPayloads.compress(request.body()));
  }

  private static String link(ChannelContext ctx, String ticketId) {
    return ctx.source() == null ? null : "https://" + ctx.source().toLowerCase(Locale.ROOT) + ".zendesk.com/agent/tickets/" + ticketId;
  }
}
