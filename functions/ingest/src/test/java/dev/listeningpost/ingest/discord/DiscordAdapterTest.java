package dev.listeningpost.ingest.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.FeedbackIds;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.ingest.ChannelFixtures;
import dev.listeningpost.ingest.Contexts;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.FeedbackChange;
import dev.listeningpost.ingest.TestRequests;
import dev.listeningpost.ingest.WebhookException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DiscordAdapterTest {
  private final DiscordAdapter discord = new DiscordAdapter();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Delivery parse(String file) {
    HttpRequest r = TestRequests.discord(ChannelFixtures.DISCORD, Contexts.NOW, TestRequests.event("ingest/discord/" + file));
    discord.verify(r, Contexts.of("discord"));
    return discord.parse(r, Contexts.of("discord"));
  }

  @Test
  void rawPublicKeysVerifyRfc8032TestVectors() {
    // RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72)
    var k1 = DiscordAdapter.decodeKey("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    byte[] s1 = HexFormat.of().parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    assertTrue(DiscordAdapter.verifies(k1, s1, new byte[0], new byte[0]));
    var k2 = DiscordAdapter.decodeKey("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    byte[] s2 = HexFormat.of().parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    assertTrue(DiscordAdapter.verifies(k2, s2, new byte[0], new byte[] {0x72}));
    assertFalse(DiscordAdapter.verifies(k2, s2, new byte[0], new byte[] {0x73}));
    assertFalse(DiscordAdapter.verifies(k1, s2, new byte[0], new byte[] {0x72}));
    assertThrows(IllegalStateException.class, () -> DiscordAdapter.decodeKey("abcd"));
  }

  @Test
  void answersPingWithPong() {
    Delivery d = parse("ping.json");
    assertTrue(d.changes().isEmpty());
    assertEquals("{\"type\":1}", d.response().body());
  }

  @Test
  void theSlashCommandStoresTheTextAndAnswersEphemerally() throws Exception {
    Delivery d = parse("slash-feedback.json");
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, d.changes().get(0)).item();
    assertEquals("The mobile app logs me out every day, please fix! #mobile", f.text());
    assertEquals("80351110224678912", f.author().id());
    assertEquals("Nelly", f.author().displayName());
    assertFalse(f.author().staff(), "no ADMINISTRATOR or MANAGE_GUILD bit");
    assertEquals(Instant.parse("2025-11-21T19:35:00Z"), f.createdAt());
    assertEquals("https://discord.com/channels/613425648685547541/1190000000000000011", f.permalink());
    JsonNode answer = JSON.readTree(d.response().body());
    assertEquals(4, answer.get("type").asInt());
    assertEquals(64, answer.get("data").get("flags").asInt());
  }

  @Test
  void theMessageCommandStoresTheTargetMessageOnce() {
    Delivery d = parse("message-command.json");
    Feedback f = assertInstanceOf(FeedbackChange.Create.class, d.changes().get(0)).item();
    assertEquals(FeedbackIds.of("discord", "613425648685547541", "message:1441510981632000002"), f.id());
    assertEquals("mason", f.author().handle());
    assertEquals("Search is really slow when I filter by tag, takes 10+ seconds", f.text());
    assertEquals("https://discord.com/channels/613425648685547541/1190000000000000011/1441510981632000002", f.permalink());
    assertEquals(Instant.parse("2025-11-21T19:30:00Z"), f.createdAt());
  }

  @Test
  void otherInteractionsGetAnAnswerButStoreNothing() {
    Delivery d = parse("autocomplete.json");
    assertTrue(d.changes().isEmpty());
    assertEquals(200, d.response().status());
  }

  @Test
  void badSignatureEncodingsAre401() {
    HttpRequest r = TestRequests.discord(ChannelFixtures.DISCORD, Contexts.NOW, TestRequests.event("ingest/discord/ping.json"));
    assertEquals(401, assertThrows(WebhookException.class,
        () -> discord.verify(TestRequests.withHeader(r, "X-Signature-Ed25519", "zz"), Contexts.of("discord"))).status());
    assertEquals(401, assertThrows(WebhookException.class,
        () -> discord.verify(TestRequests.withHeader(r, "X-Signature-Ed25519", "abcd"), Contexts.of("discord"))).status());
  }
}
