package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.feedback.store.FeedbackSchema;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.ingest.ChannelFixtures.Fixture;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.wiring.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Fuzzing every adapter through {@link WebhookService}: structurally mutated sample payloads and
 * random bytes. Properties: no input produces a 5xx (which would make platforms retry forever), and
 * nothing is stored unless the signature is valid.
 */
class WebhookFuzzIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static DynamoDbClient client;
  private static String signedTable;
  private static String unsignedTable;
  private static WebhookService signedService;
  private static WebhookService unsignedService;

  private static synchronized void init() {
    if (client == null) {
      client = DynoxideExtension.client();
      signedTable = DynoxideExtension.newFeedbackTable(client);
      unsignedTable = DynoxideExtension.newFeedbackTable(client);
      signedService = service(signedTable);
      unsignedService = service(unsignedTable);
    }
  }

  private static WebhookService service(String table) {
    FeedbackStore store = new FeedbackStore(client, table, FeedbackSchema.create(Duration.ZERO));
    return new WebhookService(ChannelFixtures.adapters(), store, new EnvironmentSecretResolver(ChannelFixtures.env()),
        new ConfiguredStaffDirectory("*:@example.com"), IngestProperties.Ingest.defaults().settings(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static int count(String table) {
    return client.scan(ScanRequest.builder().tableName(table).select("COUNT").build()).count();
  }

  @Provide
  Arbitrary<Fixture> channels() {
    return Arbitraries.of(ChannelFixtures.all());
  }

  @Property(tries = 200)
  void signedMutationsNeverAnswer5xx(@ForAll("channels") Fixture f, @ForAll Random random) throws Exception {
    init();
    byte[] body = mutate(TestRequests.event(f.sample()), random);
    HttpResponse r = signedService.handle(f.sign().apply(body, NOW));
    assertTrue(r.status() < 500, () -> f.channel() + " answered " + r.status() + " " + r.body());
    if (r.status() >= 400) {
      assertEquals("application/problem+json", r.contentType());
    }
  }

  @Property(tries = 200)
  void unsignedOrForgedInputIs401AndStoresNothing(@ForAll("channels") Fixture f, @ForAll Random random,
                                                   @ForAll @Size(max = 2048) byte[] junk, @ForAll boolean useJunk) {
    init();
    byte[] sample = TestRequests.event(f.sample());
    byte[] body = useJunk ? junk : mutate(sample, random);
    if (Arrays.equals(body, sample)) {
      body = Arrays.copyOf(body, body.length + 1);
      body[body.length - 1] = ' ';
    }
    HttpRequest request = switch (random.nextInt(3)) {
      case 0 -> f.forge().apply(body, NOW);
      case 1 -> new HttpRequest("POST", f.sign().apply(sample, NOW).path(), Map.of("Content-Type", "application/json"), Map.of(), body);
      default -> TestRequests.withBody(f.sign().apply(sample, NOW), body); // a valid signature of another body
    };
    HttpResponse r = unsignedService.handle(request);
    assertEquals(401, r.status(), () -> f.channel() + " answered " + r.status() + " " + r.body());
    assertEquals(0, count(unsignedTable));
  }

  /** Byte-level or structural (JSON-aware) damage, so both the parser and the adapters' shape checks are hit. */
  static byte[] mutate(byte[] sample, Random random) {
    int kind = random.nextInt(4);
    if (kind == 0) {
      byte[] b = sample.clone();
      for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      return b;
    }
    if (kind == 1) {
      int cut = random.nextInt(sample.length);
      return Arrays.copyOf(sample, cut);
    }
    try {
      JsonNode root = JSON.readTree(sample);
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
          List<String> names = new ArrayList<>();
          o.fieldNames().forEachRemaining(names::add);
          String name = names.get(random.nextInt(names.size()));
          if (kind == 2) {
            o.remove(name);
          } else {
            o.set(name, randomValue(random));
          }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
          a.set(random.nextInt(a.size()), randomValue(random));
        }
      }
      return JSON.writeValueAsBytes(root);
    } catch (Exception e) {
      return sample;
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  private static JsonNode randomValue(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(9)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(random.nextLong());
      case 2 -> f.numberNode(random.nextDouble() * 1e12);
      case 3 -> f.booleanNode(random.nextBoolean());
      case 4 -> f.textNode("");
      case 5 -> f.textNode(new String(new char[] {(char) random.nextInt(0xD800)}) + "\u0000<b>&amp;" + random.nextInt());
      case 6 -> f.arrayNode().add(random.nextInt());
      case 7 -> f.objectNode().put("id", random.nextInt());
      default -> f.textNode("2025-13-45T99:99:99Z");
    };
  }
}
