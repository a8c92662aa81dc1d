package dev.listeningpost.ingest.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Kind;
import dev.listeningpost.feedback.Feedback;
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
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discord HTTP interactions (https://discord.com/developers/docs/interactions/overview): Discord
 * delivers channel messages only over its Gateway, so feedback arrives through a {@code /feedback}
 * slash command (option {@code text}) and a "Send as feedback" message context-menu command.
 * Requests are signed with Ed25519 over {@code X-Signature-Timestamp + body}
 * ({@code X-Signature-Ed25519}, hex), verified with the application's public key; PING (type 1) is
 * answered {@code {"type":1}} and commands with an ephemeral message (type 4, flags 64), all
 * synchronously well within Discord's 3 seconds.
 *
 * <p>Dedupe: a slash command on its interaction id; a context-menu command on the target message
 * id, so the same message sent twice (by anyone) is one item.
 */
@Singleton
public class DiscordAdapter implements ChannelAdapter {
  public static final String CHANNEL = "discord";
  static final String PUBLIC_KEY = "public-key";
  public static final String SLASH_COMMAND = "feedback";
  public static final String MESSAGE_COMMAND = "Send as feedback";
  static final Duration WINDOW = Duration.ofMinutes(5);
  private static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;
  // X.509 SubjectPublicKeyInfo header for a raw 32-byte Ed25519 key (RFC 8410).
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final long ADMINISTRATOR = 1L << 3;
  private static final long MANAGE_GUILD = 1L << 5;
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void verify(HttpRequest request, ChannelContext ctx) {
    String signature = request.header("x-signature-ed25519");
    String timestamp = request.header("x-signature-timestamp");
    if (signature == null || timestamp == null) {
      throw WebhookException.unauthorized("missing X-Signature-Ed25519 or X-Signature-Timestamp header");
    }
    Signatures.requireFresh(timestamp, ctx.now(), WINDOW);
    byte[] sig;
    try {
      sig = HexFormat.of().parseHex(signature.trim());
    } catch (IllegalArgumentException e) {
      throw WebhookException.unauthorized("X-Signature-Ed25519 is not hex");
    }
    List<String> publicKeys = Signatures.requireSecrets(ctx, PUBLIC_KEY);
    byte[] ts = timestamp.getBytes(StandardCharsets.UTF_8);
    boolean ok = false;
    for (String k : publicKeys) {
      ok |= verifies(key(k), sig, ts, request.body());
    }
    if (!ok) {
      throw WebhookException.unauthorized("X-Signature-Ed25519 does not match the request body");
    }
  }

  static boolean verifies(PublicKey key, byte[] sig, byte[] timestamp, byte[] body) {
    if (sig.length != 64) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(timestamp);
      verifier.update(body);
      return verifier.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private PublicKey key(String hex) {
    return keys.computeIfAbsent(hex, DiscordAdapter::decodeKey);
  }

  /** The application's public key as shown in the Developer Portal: 32 bytes, hex. */
  public static PublicKey decodeKey(String hex) {
    try {
      byte[] raw = HexFormat.of().parseHex(hex.trim());
      if (raw.length != 32) {
        throw new IllegalStateException("the discord public-key must be 32 bytes of hex");
      }
      byte[] der = new byte[X509_PREFIX.length + 32];
      System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
      System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the discord public-key is not a valid Ed25519 key");
    }
  }

  @Override
  public Delivery parse(HttpRequest request, ChannelContext ctx) {
    JsonNode root = Payloads.object(request.body());
    JsonNode typeNode = root.get("type");
    if (typeNode == null || !typeNode.isInt()) {
      throw WebhookException.malformed("missing field 'type'");
    }
    int type = typeNode.asInt();
    if (type == 1) {
      return Delivery.answer(HttpResponse.json(200, "{\"type\":1}"));
    }
    if (type != 2) {
      // Autocomplete and component interactions: nothing of ours uses them.
      return Delivery.answer(reply("This interaction is not supported."));
    }
    JsonNode data = Payloads.object(root, "data", "");
    String name = Payloads.text(data, "name", "data.");
    int commandType = data.path("type").asInt(1);
    String guild = Payloads.optText(root, "guild_id");
    String workspace = guild == null ? "dm" : guild;
    String channelId = Payloads.optText(root, "channel_id");
    byte[] raw = RawPayloads.compress(request.body());
    if (commandType == 1 && SLASH_COMMAND.equals(name)) {
      String text = option(data, "text");
      if (text == null || text.isBlank()) {
        return Delivery.answer(reply("Please add some text: /feedback text: ..."));
      }
      String interactionId = Payloads.text(root, "id", "");
      JsonNode member = root.get("member");
      JsonNode user = member != null ? Payloads.object(member, "user", "member.") : Payloads.object(root, "user", "");
      String userId = Payloads.text(user, "id", "user.");
      String handle = Payloads.optText(user, "username");
      boolean staff = hasPermission(member, ADMINISTRATOR | MANAGE_GUILD) || ctx.isStaff(userId, handle, null);
      Feedback item = Feedback.builder()
          .channel(CHANNEL)
          .workspace(workspace)
          .sourceId("interaction:" + interactionId)
          .kind(Kind.POST)
          .text(text.strip())
          .author(new Author(userId, handle, Payloads.optText(user, "global_name"), staff))
          .permalink(guild == null || channelId == null ? null : "https://discord.com/channels/" + guild + "/" + channelId)
          .createdAt(snowflakeTime(interactionId))
          .receivedAt(ctx.now())
          .deliveryId(interactionId)
          .hashtags(Hashtags.in(text))
          .rawPayload(raw)
          .build();
      return new Delivery(List.of(new FeedbackChange.Create(item)), reply("Thanks! Your feedback was recorded."), null);
    }
    if (commandType == 3 && MESSAGE_COMMAND.equals(name)) {
      String target = Payloads.text(data, "target_id", "data.");
      JsonNode message = data.path("resolved").path("messages").path(target);
      if (!message.isObject()) {
        throw WebhookException.malformed("missing object 'data.resolved.messages." + target + "'");
      }
      JsonNode author = Payloads.object(message, "author", "message.");
      if (author.path("bot").asBoolean(false) || author.path("system").asBoolean(false)) {
        return new Delivery(List.of(), reply("Messages from bots are not collected as feedback."), "bot author");
      }
      String text = Payloads.optText(message, "content");
      if (text == null || text.isBlank()) {
        return new Delivery(List.of(), reply("That message has no text to send."), "empty message");
      }
      String userId = Payloads.text(author, "id", "message.author.");
      String handle = Payloads.optText(author, "username");
      String messageChannel = Payloads.optText(message, "channel_id") != null ? Payloads.optText(message, "channel_id") : channelId;
      String ts = Payloads.optText(message, "timestamp");
      Feedback item = Feedback.builder()
          .channel(CHANNEL)
          .workspace(workspace)
          .sourceId("message:" + target)
          .kind(Kind.MESSAGE)
          .text(text.strip())
          .author(new Author(userId, handle, Payloads.optText(author, "global_name"), ctx.isStaff(userId, handle, null)))
          .permalink("https://discord.com/channels/" + (guild == null ? "@me" : guild) + "/" + messageChannel + "/" + target)
          .createdAt(ts != null ? Payloads.isoInstant(ts, "message.timestamp") : snowflakeTime(target))
          .receivedAt(ctx.now())
          .deliveryId(Payloads.optText(root, "id"))
          .hashtags(Hashtags.in(text))
          .rawPayload(raw)
          .build();
      return new Delivery(List.of(new FeedbackChange.Create(item)), reply("Thanks! That message was sent as feedback."), null);
    }
    return Delivery.answer(reply("Unknown command."));
  }

  private static String option(JsonNode data, String name) {
    for (JsonNode o : data.path("options")) {
      if (name.equals(Payloads.optText(o, "name"))) {
        return Payloads.optText(o, "value");
      }
    }
    return null;
  }

  private static boolean hasPermission(JsonNode member, long bits) {
    String p = Payloads.optText(member, "permissions");
    if (p == null) {
      return false;
    }
    try {
      // A string-encoded bitfield that can exceed 64 bits.
      return new BigInteger(p).and(BigInteger.valueOf(bits)).signum() != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Discord ids are snowflakes: milliseconds since 2015-01-01 in the top 42 bits. */
  static Instant snowflakeTime(String id) {
    try {
      return Instant.ofEpochMilli((Long.parseUnsignedLong(id) >>> 22) + DISCORD_EPOCH_MS);
    } catch (NumberFormatException e) {
      throw WebhookException.malformed("'" + (id.length() > 24 ? id.substring(0, 24) : id) + "' is not a Discord id");
    }
  }

  /** CHANNEL_MESSAGE_WITH_SOURCE (4), EPHEMERAL (64): only the person who used the command sees it. */
  static HttpResponse reply(String content) {
    ObjectNode r = Payloads.mapper().createObjectNode();
    r.put("type", 4);
    r.putObject("data").put("content", content).put("flags", 64);
    return HttpResponse.json(200, r.toString());
  }
}
