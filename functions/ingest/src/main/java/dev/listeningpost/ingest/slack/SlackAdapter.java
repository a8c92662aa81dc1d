package dev.listeningpost.ingest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Slack Events API (https://api.slack.com/apis/events-api): {@code url_verification} handshake,
 * {@code v0} request signing, and {@code message} / {@code app_mention} events including thread
 * replies, edits ({@code message_changed}) and deletions ({@code message_deleted}).
 *
 * <p>Dedupe: the item id is derived from team, channel and message {@code ts}, which a retry
 * ({@code X-Slack-Retry-Num}, same {@code event_id}) and an {@code app_mention} twin of a
 * {@code message} event share, so neither stores anything twice.
 *
 * <p>Private conversations (direct messages to the app {@code im}, group DMs {@code mpim}, private
 * channels {@code group}) are acknowledged and not stored unless the source opts in with the setting
 * {@value #PRIVATE_OPT_IN} = {@code true} (docs/channels.md).
 */
@Singleton
public class SlackAdapter implements ChannelAdapter {
  public static final String CHANNEL = "slack";
  static final Duration WINDOW = Duration.ofMinutes(5);
  // Subtypes that are a person saying something; everything else (joins, topic changes, bots) is not feedback.
  private static final Set<String> CONTENT_SUBTYPES = Set.of("thread_broadcast", "file_share", "me_message");
  /** Per-source setting (resolved like a secret) that lets private conversations into the store. */
  static final String PRIVATE_OPT_IN = "store-private-conversations";
  private static final Set<String> PRIVATE_TYPES = Set.of("im", "mpim", "group");

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    String signature = request.header("x-slack-signature");
    String timestamp = request.header("x-slack-request-timestamp");
    if (signature == null || timestamp == null) {
      throw WebhookException.unauthorized("missing X-Slack-Signature or X-Slack-Request-Timestamp header");
    }
    Signatures.requireFresh(timestamp, ctx.now(), WINDOW);
    List<String> secrets = Signatures.requireSecrets(ctx, "signing-secret");
    byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
    if (!Signatures.anyMatches(secrets, signature,
        s -> "v0=" + Signatures.hmacSha256Hex(s, prefix, request.body()))) {
      throw WebhookException.unauthorized("X-Slack-Signature does not match the request body");
    }
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    String type = Payloads.text(root, "type", "");
    switch (type) {
      case "url_verification":
        String challenge = Payloads.text(root, "challenge", "");
        return Delivery.answer(HttpResponse.json(200,
            Payloads.mapper().createObjectNode().put("challenge", challenge).toString()));
      case "event_callback":
        return event(root, request, ctx);
      default:
        return Delivery.ignored("slack callback type '" + type + "' is not used");
    }
  }

  private Delivery event(JsonNode root, HttpRequest request, ChannelContext ctx) {
    JsonNode event = root.get("event");
    if (event == null || !event.isObject()) {
      throw WebhookException.malformed("missing object 'event'");
    }
    String team = Payloads.optText(root, "team_id");
    if (team == null) {
      team = Payloads.optText(event, "team");
    }
    String eventType = Payloads.text(event, "type", "event.");
    if (!"message".equals(eventType) && !"app_mention".equals(eventType)) {
      return Delivery.ignored("slack event '" + eventType + "' is not used");
    }
    String channelId = Payloads.text(event, "channel", "event.");
    String subtype = Payloads.optText(event, "subtype");
    String channelType = privateType(event, channelId);
    if (channelType != null && !"message_deleted".equals(subtype) && !optedIn(ctx)) {
      return Delivery.ignored("private conversation (channel_type " + channelType + ") not stored: the source has not opted in");
    }
    String eventId = Payloads.optText(root, "event_id");
    Instant received = ctx.now();
    byte[] raw = RawPayloads.compress(request.body());

    if ("message_deleted".equals(subtype)) {
      String deletedTs = Payloads.text(event, "deleted_ts", "event.");
      Instant at = Payloads.epochSecondsDecimal(Payloads.text(event, "event_ts", "event."), "event.event_ts");
      return Delivery.of(new FeedbackChange.Delete(FeedbackIds.of(CHANNEL, team, channelId + ":" + deletedTs), at));
    }
    if ("message_changed".equals(subtype)) {
      JsonNode message = changedMessage(event);
      if (isBot(message)) {
        return Delivery.ignored("bot message");
      }
      JsonNode edited = message.get("edited");
      String editTs = edited != null && edited.hasNonNull("ts") ? edited.get("ts").asText()
          : Payloads.optText(event, "event_ts") != null ? Payloads.optText(event, "event_ts")
          : Payloads.text(event, "ts", "event.");
      Feedback item = message(message, "event.message.", team, channelId, eventType, eventId, received, raw, ctx);
      return Delivery.of(new FeedbackChange.Edit(item, Payloads.epochSecondsDecimal(editTs, "edited.ts")));
    }
    if (isBot(event)) {
      return Delivery.ignored("bot message");
    }
    if (subtype != null && !CONTENT_SUBTYPES.contains(subtype)) {
      return Delivery.ignored("slack message subtype '" + subtype + "' is not feedback");
    }
    return Delivery.of(new FeedbackChange.Create(message(event, "event.", team, channelId, eventType, eventId, received, raw, ctx)));
  }

  /**
   * The edited message of a {@code message_changed} event. Its {@code ts} (the item's identity) and
   * author fall back to {@code previous_message}, then the ts to the event's own {@code ts}.
   */
  private static JsonNode changedMessage(JsonNode event) {
    JsonNode message = event.get("message");
    if (message == null || !message.isObject()) {
      throw WebhookException.malformed("missing object 'event.message'");
    }
    JsonNode previous = event.get("previous_message");
    ObjectNode m = ((ObjectNode) message).deepCopy();
    for (String field : new String[] {"ts", "user"}) {
      if (Payloads.optText(m, field) == null && Payloads.optText(previous, field) != null) {
        m.put(field, Payloads.optText(previous, field));
      }
    }
    if (Payloads.optText(m, "ts") == null && Payloads.optText(event, "ts") != null) {
      m.put("ts", Payloads.optText(event, "ts"));
    }
    return m;
  }

  /** The private channel type of a message, or null for a public channel. */
  private static String privateType(JsonNode event, String channelId) {
    String type = Payloads.optText(event, "channel_type");
    if (type == null) {
      // app_mention and some older payloads carry no channel_type: DM channel ids start with D.
      return channelId.startsWith("D") ? "im" : null;
    }
    return PRIVATE_TYPES.contains(type) ? type : null;
  }

  private static boolean optedIn(ChannelContext ctx) {
    return ctx.secret(PRIVATE_OPT_IN).stream().anyMatch(v -> v.strip().equalsIgnoreCase("true"));
  }

  private static boolean isBot(JsonNode message) {
    return message.hasNonNull("bot_id") || "bot_message".equals(Payloads.optText(message, "subtype"))
        || message.hasNonNull("bot_profile");
  }

  private Feedback message(JsonNode m, String where, String team, String channelId, String eventType, String eventId,
                           Instant received, byte[] raw, ChannelContext ctx) {
    String ts = Payloads.text(m, "ts", where);
    String user = Payloads.text(m, "user", where);
    String threadTs = Payloads.optText(m, "thread_ts");
    boolean reply = threadTs != null && !threadTs.equals(ts);
    String text = SlackText.plain(Payloads.optText(m, "text"));

    JsonNode profile = m.get("user_profile");
    String handle = Payloads.optText(profile, "name");
    String display = Payloads.optText(profile, "display_name");
    if (display == null) {
      display = Payloads.optText(profile, "real_name");
    }
    Kind kind = "app_mention".equals(eventType) ? Kind.MENTION : reply ? Kind.REPLY : Kind.MESSAGE;
    String rootId = threadTs == null ? null : FeedbackIds.of(CHANNEL, team, channelId + ":" + threadTs);
    return Feedback.builder()
        .channel(CHANNEL)
        .workspace(team)
        .sourceId(channelId + ":" + ts)
        .kind(kind)
        .text(text)
        .author(new Author(user, handle, display, ctx.isStaff(user, handle, null)))
        .thread(new ThreadRef(rootId, reply ? rootId : null, reply ? Payloads.optText(m, "parent_user_id") : null))
        .permalink(permalink(channelId, ts, reply ? threadTs : null))
        .createdAt(Payloads.epochSecondsDecimal(ts, where + "ts"))
        .receivedAt(received)
        .deliveryId(eventId)
        .hashtags(Hashtags.in(text))
        .rawPayload(raw)
        .build();
  }

  /** Slack redirects {@code slack.com/archives/...} to the viewer's workspace. */
  static String permalink(String channelId, String ts, String threadTs) {
    String link = "https://slack.com/archives/" + channelId + "/p" + ts.replace(".", "");
    return threadTs == null ? link : link + "?thread_ts=" + threadTs + "&cid=" + channelId;
  }
}
