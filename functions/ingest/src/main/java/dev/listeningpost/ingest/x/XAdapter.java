package dev.listeningpost.ingest.x;

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
import dev.listeningpost.ingest.HtmlText;
import dev.listeningpost.ingest.Payloads;
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.WebhookException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * X (Twitter) Account Activity API webhooks (https://docs.x.com/x-api/webhooks/introduction): the
 * CRC handshake ({@code GET ?crc_token=}, answered with {@code sha256=<base64 HMAC-SHA256>} of the
 * token keyed with the app's consumer secret), {@code tweet_create_events} and
 * {@code tweet_delete_events}. Deliveries are signed with
 * {@code x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of the body>}.
 *
 * <p>Dedupe: on the post's {@code id_str}, within the subscribed account ({@code for_user_id}).
 * The subscribed account's own posts are kept and marked staff; retweets are skipped.
 */
@Singleton
public class XAdapter implements ChannelAdapter {
  public static final String CHANNEL = "x";
  static final String SECRET = "consumer-secret";
  static final int MAX_CRC_TOKEN = 255;
  private static final java.util.regex.Pattern CRC_TOKEN =
      java.util.regex.Pattern.compile("[A-Za-z0-9_+/=.~:-]{1," + MAX_CRC_TOKEN + "}");
  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public HttpResponse handshake(HttpRequest request, ChannelContext ctx) {
    String token = request.query().get("crc_token");
    if (token == null || token.isEmpty()) {
      throw WebhookException.malformed("missing query parameter 'crc_token'");
    }
    // The answer is an HMAC with the key that signs deliveries: answered for any text, it would sign
    // a forged delivery body. X's tokens are short opaque ASCII (UUIDs, base64); a body is a JSON
    // object, which always contains '{', so it can never pass as a token.
    if (!CRC_TOKEN.matcher(token).matches()) {
      throw WebhookException.malformed("'crc_token' must be 1-" + MAX_CRC_TOKEN + " characters of A-Z a-z 0-9 - _ + / = . ~ :");
    }
    // X checks the answer against its current consumer secret: answer with the current one.
    String secret = Signatures.requireSecrets(ctx, SECRET).get(0);
    String answer = "sha256=" + Signatures.hmacSha256Base64(secret, token.getBytes(StandardCharsets.UTF_8));
    return HttpResponse.json(200, Payloads.mapper().createObjectNode().put("response_token", answer).toString());
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    Signatures.requireBodySignature(request, ctx, "x-twitter-webhooks-signature", SECRET,
        s -> "sha256=" + Signatures.hmacSha256Base64(s, request.body()));
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    JsonNode creates = root.get("tweet_create_events");
    JsonNode deletes = root.get("tweet_delete_events");
    if ((creates == null || !creates.isArray()) && (deletes == null || !deletes.isArray())) {
      if (!isActivity(root)) {
        throw WebhookException.malformed("no Account Activity event in the payload");
      }
      // Likes, follows, DMs, and user_event (app revoked), which has no for_user_id: no feedback, acknowledged.
      return Delivery.ignored("x activity without post events is not used");
    }
    // Post ids are scoped to the subscribed account, so a post event without it cannot be stored.
    String account = Payloads.text(root, "for_user_id", "");
    List<FeedbackChange> changes = new ArrayList<>();
    byte[] raw = null;
    if (creates != null && creates.isArray()) {
      for (JsonNode tweet : creates) {
        if (tweet.hasNonNull("retweeted_status")) {
          continue; // a retweet repeats someone else's words
        }
        if (raw == null) {
          raw = RawPayloads.compress(request.body());
        }
        changes.add(new FeedbackChange.Create(tweet(tweet, account, raw, ctx)));
      }
    }
    if (deletes != null && deletes.isArray()) {
      for (JsonNode d : deletes) {
        JsonNode status = Payloads.object(d, "status", "tweet_delete_events[].");
        String id = Payloads.text(status, "id", "tweet_delete_events[].status.");
        String ms = Payloads.optText(d, "timestamp_ms");
        Instant at = ctx.now();
        if (ms != null) {
          try {
            at = Instant.ofEpochMilli(Long.parseLong(ms));
          } catch (NumberFormatException e) {
            throw WebhookException.malformed("field 'timestamp_ms' is not a number");
          }
        }
        changes.add(new FeedbackChange.Delete(FeedbackIds.of(CHANNEL, account, id), at));
      }
    }
    return changes.isEmpty() ? Delivery.ignored("only retweets") : Delivery.of(changes);
  }

  /** Account Activity payloads name their events {@code *_events} (or {@code user_event}). */
  private static boolean isActivity(JsonNode root) {
    for (java.util.Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.endsWith("_events") || name.equals("user_event")) {
        return true;
      }
    }
    return false;
  }

  private Feedback tweet(JsonNode tweet, String account, byte[] raw, ChannelContext ctx) {
    String id = Payloads.text(tweet, "id_str", "tweet.");
    JsonNode user = Payloads.object(tweet, "user", "tweet.");
    String userId = Payloads.text(user, "id_str", "tweet.user.");
    String handle = Payloads.optText(user, "screen_name");
    JsonNode extended = tweet.get("extended_tweet");
    String full = extended != null ? Payloads.optText(extended, "full_text") : null;
    // X escapes &, < and > in post text.
    String text = HtmlText.decode(full != null ? full : Payloads.optText(tweet, "text") == null ? "" : Payloads.optText(tweet, "text")).strip();
    String replyTo = Payloads.optText(tweet, "in_reply_to_status_id_str");
    String replyToUser = Payloads.optText(tweet, "in_reply_to_user_id_str");
    boolean own = account.equals(userId);
    Kind kind = replyTo != null ? Kind.REPLY : own ? Kind.POST : Kind.MENTION;
    String parent = replyTo == null ? null : FeedbackIds.of(CHANNEL, account, replyTo);
    return Feedback.builder()
        .channel(CHANNEL)
        .workspace(account)
        .sourceId(id)
        .kind(kind)
        .text(text)
        .author(new Author(userId, handle, Payloads.optText(user, "name"), own || ctx.isStaff(userId, handle, null)))
        // v1.1 payloads carry no conversation id: the post answered is the best thread anchor there is.
        .thread(new ThreadRef(parent, parent, replyToUser))
        .permalink("https://x.com/" + (handle == null ? "i/web" : handle) + "/status/" + id)
        .createdAt(created(tweet))
        .receivedAt(ctx.now())
        .deliveryId(id)
        .hashtags(Hashtags.in(text))
        .rawPayload(raw)
        .build();
  }

  private static Instant created(JsonNode tweet) {
    String created = Payloads.optText(tweet, "created_at");
    if (created != null) {
      try {
        return ZonedDateTime.parse(created, CREATED).toInstant();
      } catch (DateTimeParseException e) {
        throw WebhookException.malformed("field 'created_at' is not an X timestamp");
      }
    }
    String ms = Payloads.text(tweet, "timestamp_ms", "tweet.");
    try {
      return Instant.ofEpochMilli(Long.parseLong(ms));
    } catch (NumberFormatException e) {
      throw WebhookException.malformed("field 'timestamp_ms' is not a number");
    }
  }
}
