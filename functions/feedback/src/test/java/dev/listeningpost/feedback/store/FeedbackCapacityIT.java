package dev.listeningpost.feedback.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.Feedback.ThreadRef;
import dev.listeningpost.feedback.RawPayloads;
import dev.listeningpost.feedback.testing.DynoxideExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one feedback item costs in write units, from the item images actually stored: a typical
 * Slack message (text of a tweet's length, author, thread, permalink, gzipped raw event) put by
 * ingest, then analysed. The figures in docs/performance/cost.md are this test's output line.
 */
@ExtendWith(DynoxideExtension.class)
class FeedbackCapacityIT {
  static final String TEXT = "The new CSV export keeps timing out on our workspace with more than 20k rows, "
      + "we had to go back to the old report. Any workaround?";
  /** A Slack Events API delivery of that message, as Slack sends it (ids made up). */
  static final String SLACK_EVENT = "{\"token\":\"XXYYZZ\",\"team_id\":\"T0001ABCD\",\"api_app_id\":\"A0ABCDEF12\","
      + "\"event\":{\"type\":\"message\",\"channel\":\"C0123ABCDE\",\"user\":\"U0456FGHIJ\",\"text\":\"" + TEXT + "\","
      + "\"ts\":\"1764670000.123456\",\"thread_ts\":\"1764669000.000100\",\"parent_user_id\":\"U0999ZZZZZ\","
      + "\"event_ts\":\"1764670000.123456\",\"channel_type\":\"channel\",\"client_msg_id\":"
      + "\"5f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b\",\"blocks\":[{\"type\":\"rich_text\",\"block_id\":\"Ab1Cd\","
      + "\"elements\":[{\"type\":\"rich_text_section\",\"elements\":[{\"type\":\"text\",\"text\":\"" + TEXT + "\"}]}]}]},"
      + "\"type\":\"event_callback\",\"event_id\":\"Ev0ABCDEFGH1\",\"event_time\":1764670000,"
      + "\"authorizations\":[{\"enterprise_id\":null,\"team_id\":\"T0001ABCD\",\"user_id\":\"U0BOT00001\","
      + "\"is_bot\":true,\"is_enterprise_install\":false}],\"is_ext_shared_channel\":false,"
      + "\"event_context\":\"4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMDAwMUFCQ0QiLCJhaWQiOiJBMEFCQ0RFRjEyIiwiY2lkIjoiQzAxMjNBQkNERSJ9\"}";

  private DynamoDbClient client;
  private String table;
  private FeedbackStore store;

  @BeforeEach
  void setUp() {
    client = DynoxideExtension.client();
    table = DynoxideExtension.newFeedbackTable(client);
    store = new FeedbackStore(client, table, FeedbackSchema.create(Duration.ofDays(730)));
  }

  static Feedback slackMessage() {
    Instant created = Instant.parse("2026-12-02T09:46:40.123Z");
    return Feedback.builder().channel("slack").workspace("T0001ABCD").sourceId("C0123ABCDE:1764670000.123456")
        .text(TEXT).author(new Author("U0456FGHIJ", "dana", "Dana Smith", false))
        .thread(new ThreadRef("C0123ABCDE:1764669000.000100", "C0123ABCDE:1764669000.000100", "U0999ZZZZZ"))
        .permalink("https://acme.slack.com/archives/C0123ABCDE/p1764670000123456?thread_ts=1764669000.000100")
        .createdAt(created).receivedAt(created.plusMillis(420)).deliveryId("Ev0ABCDEFGH1")
        .rawPayload(RawPayloads.compress(SLACK_EVENT.getBytes(StandardCharsets.UTF_8))).build();
  }

  static float[] unitVector(int dim) {
    Random random = new Random(7);
    float[] v = new float[dim];
    double n = 0;
    for (int i = 0; i < dim; i++) {
      v[i] = (float) random.nextGaussian();
      n += v[i] * v[i];
    }
    for (int i = 0; i < dim; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }

  private Map<String, AttributeValue> stored(String id) {
    return client.getItem(b -> b.tableName(table).key(Map.of(FeedbackTable.ID, AttributeValue.fromS(id)))
        .consistentRead(true)).item();
  }

  @Test
  void theAnalysedItemStaysUnderTwoKilobytesAndTheAnalysisWriteCostsOneUnitLess() {
    Feedback f = slackMessage();
    assertEquals(WriteOutcome.CREATED, store.create(f));
    Map<String, AttributeValue> ingested = stored(f.id());
    Instant analyzedAt = Instant.parse("2026-12-02T09:46:41Z");
    store.enrich(f.id(), new Enrichment(-0.42, "negative", unitVector(384), null, analyzedAt));
    Map<String, AttributeValue> analysed = stored(f.id());
    store.enrich(f.id(), new Enrichment(null, null, null, "theme-7", analyzedAt));
    Map<String, AttributeValue> themed = stored(f.id());

    // The same analysed item as it was stored before quantisation (float32 embedding).
    Map<String, AttributeValue> legacy = new HashMap<>(analysed);
    legacy.put(FeedbackTable.EMBEDDING, AttributeValue.fromB(SdkBytes.fromByteArray(
        EmbeddingCodec.float32(EmbeddingCodec.decode(analysed.get(FeedbackTable.EMBEDDING).b().asByteArray())))));
    Map<String, AttributeValue> legacyThemed = new HashMap<>(legacy);
    legacyThemed.put(FeedbackTable.THEME_ID, themed.get(FeedbackTable.THEME_ID));

    CapacityEstimate.Write put = CapacityEstimate.feedbackWrite(null, ingested);
    CapacityEstimate.Write enrich = CapacityEstimate.feedbackWrite(ingested, analysed);
    CapacityEstimate.Write theme = CapacityEstimate.feedbackWrite(analysed, themed);
    CapacityEstimate.Write legacyEnrich = CapacityEstimate.feedbackWrite(ingested, legacy);
    CapacityEstimate.Write legacyTheme = CapacityEstimate.feedbackWrite(legacy, legacyThemed);
    int rawBytes = ingested.get(FeedbackTable.RAW).b().asByteArray().length;
    int byDayEntry = CapacityEstimate.entrySize(themed, List.of(FeedbackTable.ID), CapacityEstimate.feedbackIndexes().get(0));
    System.out.printf("cost-inputs item bytes: ingested %d (raw gzip %d of %d), analysed %d (float32 before: %d),"
            + " themed %d; byDay entry %d; WRU put %s, enrich %s (float32: %s), theme write-back %s (float32: %s)%n",
        ItemLimits.sizeOf(ingested), rawBytes, SLACK_EVENT.length(), ItemLimits.sizeOf(analysed),
        ItemLimits.sizeOf(legacy), ItemLimits.sizeOf(themed), byDayEntry, put, enrich, legacyEnrich, theme, legacyTheme);
    System.out.println("cost-inputs reported capacity: " + store.capacity().snapshot());
    StringBuilder breakdown = new StringBuilder("cost-inputs analysed item by attribute (name + value bytes):");
    analysed.entrySet().stream()
        .sorted((a, b) -> ItemLimits.sizeOf(Map.of(b.getKey(), b.getValue())) - ItemLimits.sizeOf(Map.of(a.getKey(), a.getValue())))
        .forEach(e -> breakdown.append(' ').append(e.getKey()).append('=').append(ItemLimits.sizeOf(Map.of(e.getKey(), e.getValue()))));
    System.out.println(breakdown);
    // What-ifs for docs/performance/cost.md: the same images without the raw payload and/or the embedding.
    for (List<String> without : List.of(List.of(FeedbackTable.RAW), List.of(FeedbackTable.EMBEDDING),
        List.of(FeedbackTable.RAW, FeedbackTable.EMBEDDING))) {
      Map<String, AttributeValue> i = without(ingested, without);
      Map<String, AttributeValue> a = without(analysed, without);
      Map<String, AttributeValue> t = without(themed, without);
      System.out.printf("cost-inputs without %s: bytes ingested %d, analysed %d; WRU put %d, enrich %d, theme write-back %d%n",
          without, ItemLimits.sizeOf(i), ItemLimits.sizeOf(a), CapacityEstimate.feedbackWrite(null, i).total(),
          CapacityEstimate.feedbackWrite(i, a).total(), CapacityEstimate.feedbackWrite(a, t).total());
    }
    // What dynoxide reports is what the documented rules give (CapacityEstimate): both are checked here.
    Map<String, CapacityMeter.Usage> usage = store.capacity().snapshot();
    if (usage.get(FeedbackStore.PUT).unreported() == 0) {
      assertEquals(put.total(), usage.get(FeedbackStore.PUT).units());
      assertEquals(enrich.total(), usage.get(FeedbackStore.ENRICH).units());
      assertEquals(theme.total(), usage.get(FeedbackStore.ENRICH_THEME).units());
    }

    assertTrue(ItemLimits.sizeOf(analysed) <= 2048, "analysed item " + ItemLimits.sizeOf(analysed) + " B");
    assertTrue(ItemLimits.sizeOf(legacy) > 2048, "the float32 form was over 2 KB: " + ItemLimits.sizeOf(legacy));
    assertEquals(legacyEnrich.total() - 1, enrich.total(), "one write unit saved on the analysis write");
    assertEquals(legacyTheme.total() - 1, theme.total(), "and one on the theme write-back");
    assertEquals(1, enrich.indexes().get(FeedbackTable.BY_DAY_INDEX), "the embedding is not projected");
  }

  private static Map<String, AttributeValue> without(Map<String, AttributeValue> item, List<String> names) {
    Map<String, AttributeValue> out = new HashMap<>(item);
    names.forEach(out::remove);
    return out;
  }

  @Test
  void everyCallIsCountedPerOperation() {
    Feedback f = slackMessage();
    store.create(f);
    store.create(f);
    store.enrich(f.id(), new Enrichment(0.1, "neutral", unitVector(384), null, Instant.parse("2026-12-02T10:00:00Z")));
    store.enrich(f.id(), new Enrichment(null, null, null, "t1", Instant.parse("2026-12-02T10:00:00Z")));
    store.createdBetween(Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-03T00:00:00Z"), null);
    Map<String, CapacityMeter.Usage> usage = store.capacity().snapshot();
    assertEquals(1, usage.get(FeedbackStore.PUT).calls());
    assertEquals(1, usage.get(FeedbackStore.PUT_DUPLICATE).calls());
    assertEquals(1, usage.get(FeedbackStore.ENRICH).calls());
    assertEquals(1, usage.get(FeedbackStore.ENRICH_THEME).calls());
    assertEquals(1, usage.get("feedback.query.byDay").calls());
  }
}
