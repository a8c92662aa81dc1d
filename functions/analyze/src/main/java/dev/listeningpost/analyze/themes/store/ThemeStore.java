package dev.listeningpost.analyze.themes.store;

import dev.listeningpost.analyze.themes.Member;
import dev.listeningpost.analyze.themes.Quote;
import dev.listeningpost.analyze.themes.Theme;
import dev.listeningpost.feedback.store.CapacityMeter;
import dev.listeningpost.feedback.store.EmbeddingCodec;
import dev.listeningpost.feedback.store.ThemeTable;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import dev.listeningpost.analyze.themes.Vectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The themes table ({@link ThemeTable}, the contract the digest reads too): themes under {@code pk=theme}, the nightly job's bounded
 * sample as compressed chunks under {@code pk=sample} (written under a new generation, then
 * switched to by the job state, so a crash mid-write never leaves a half sample), and the job
 * state under {@code pk=job}. Reads are Queries on one partition or GetItems.
 */
public class ThemeStore {
  static final String THEME = ThemeTable.THEME_PARTITION;
  static final String SAMPLE = ThemeTable.SAMPLE_PARTITION;
  private static final int CHUNK_BYTES = 300_000;
  private static final int MAX_TEXT = 500;

  private final DynamoDbTable<Theme> themes;
  private final DynamoDbTable<Chunk> chunks;
  private final DynamoDbTable<JobState> state;
  private final String tableName;
  private final CapacityMeter capacity;

  public ThemeStore(DynamoDbClient dynamo, String tableName) {
    this(dynamo, tableName, new CapacityMeter());
  }

  /** @param capacity where every call's consumed capacity is summed, per operation ("themes.*") */
  public ThemeStore(DynamoDbClient dynamo, String tableName, CapacityMeter capacity) {
    this.tableName = tableName;
    this.capacity = capacity;
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.themes = enhanced.table(tableName, themeSchema());
    this.chunks = enhanced.table(tableName, chunkSchema());
    this.state = enhanced.table(tableName, stateSchema());
  }

  public String tableName() {
    return tableName;
  }

  /** All themes, active and retired. */
  public List<Theme> themes() {
    return guarded(() -> themes.query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(THEME).build()))
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build())
        .stream().peek(p -> capacity.record("themes.query", p.consumedCapacity()))
        .flatMap(p -> p.items().stream()).toList());
  }

  public Optional<Theme> theme(String id) {
    return guarded(() -> Optional.ofNullable(themes.getItem(Key.builder().partitionValue(THEME).sortValue(id).build())));
  }

  public void saveThemes(List<Theme> list) {
    guarded(() -> {
      for (Theme t : list) {
        capacity.record("themes.put", themes.putItemWithResponse(PutItemEnhancedRequest.builder(Theme.class).item(t)
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build()).consumedCapacity());
      }
      return null;
    });
  }

  public JobState state() {
    return guarded(() -> Optional.ofNullable(state.getItem(Key.builder().partitionValue(JobState.PK)
        .sortValue(JobState.SK).build())).orElse(JobState.INITIAL));
  }

  public void saveState(JobState s) {
    guarded(() -> {
      capacity.record("themes.putState", state.putItemWithResponse(PutItemEnhancedRequest.builder(JobState.class)
          .item(s).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build()).consumedCapacity());
      return null;
    });
  }

  /** The sample of the generation the state points at. */
  public List<Member> loadSample(JobState s) {
    if (s.generation() <= 0 || s.chunks() <= 0) {
      return List.of();
    }
    return guarded(() -> {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int i = 0; i < s.chunks(); i++) {
        Chunk c = chunks.getItem(Key.builder().partitionValue(SAMPLE).sortValue(chunkKey(s.generation(), i)).build());
        if (c == null) {
          throw new IllegalStateException("sample chunk " + i + " of generation " + s.generation() + " is missing");
        }
        all.writeBytes(c.data());
      }
      return decode(all.toByteArray());
    });
  }

  /** Writes a sample as a new generation; returns the number of chunks. Switch with {@link #saveState}. */
  public int saveSample(long generation, List<Member> members) {
    byte[] data = encode(members);
    int n = Math.max(1, (data.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
    guarded(() -> {
      for (int i = 0; i < n; i++) {
        byte[] part = Arrays.copyOfRange(data, i * CHUNK_BYTES, Math.min(data.length, (i + 1) * CHUNK_BYTES));
        capacity.record("themes.putSample", chunks.putItemWithResponse(PutItemEnhancedRequest.builder(Chunk.class)
            .item(new Chunk(SAMPLE, chunkKey(generation, i), part))
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build()).consumedCapacity());
      }
      return null;
    });
    return n;
  }

  /** Removes an old generation's chunks once the state no longer points at it. */
  public void deleteSample(long generation, int count) {
    guarded(() -> {
      for (int i = 0; i < count; i++) {
        chunks.deleteItem(Key.builder().partitionValue(SAMPLE).sortValue(chunkKey(generation, i)).build());
      }
      return null;
    });
  }

  private static String chunkKey(long generation, int i) {
    return String.format("g%012d#%04d", generation, i);
  }

  static byte[] encode(List<Member> members) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(members.size());
      for (Member m : members) {
        out.writeUTF(m.id());
        String text = m.text() == null ? "" : m.text();
        out.writeUTF(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        out.writeUTF(m.permalink() == null ? "" : m.permalink());
        out.writeLong(m.createdAt() == null ? Long.MIN_VALUE : m.createdAt().toEpochMilli());
        out.writeUTF(m.themeId() == null ? "" : m.themeId());
        byte[] q = Vectors.quantize(m.vector());
        out.writeShort(q.length);
        out.write(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<Member> decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data)))) {
      int n = in.readInt();
      List<Member> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = in.readUTF();
        String text = in.readUTF();
        String link = in.readUTF();
        long created = in.readLong();
        String theme = in.readUTF();
        byte[] q = new byte[in.readShort()];
        in.readFully(q);
        out.add(new Member(id, text, link.isEmpty() ? null : link,
            created == Long.MIN_VALUE ? null : Instant.ofEpochMilli(created), theme.isEmpty() ? null : theme,
            Vectors.dequantize(q)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T guarded(Supplier<T> op) {
    try {
      return op.get();
    } catch (SdkException e) {
      throw new StorageUnavailableException("themes table unavailable: " + e.getClass().getSimpleName(), e);
    }
  }

  // ---- static immutable schemas ----

  /** One compressed slice of the sample. */
  public record Chunk(String pk, String sk, byte[] data) {
  }

  /** Mutable builder used only by the table schema. */
  static final class ChunkBuilder {
    String pk;
    String sk;
    byte[] data;

    Chunk build() {
      return new Chunk(pk, sk, data);
    }
  }

  static StaticImmutableTableSchema<Chunk, ChunkBuilder> chunkSchema() {
    return StaticImmutableTableSchema.builder(Chunk.class, ChunkBuilder.class)
        .newItemBuilder(ChunkBuilder::new, ChunkBuilder::build)
        .addAttribute(String.class, a -> a.name(ThemeTable.PK).getter(Chunk::pk).setter((b, v) -> b.pk = v)
            .tags(StaticAttributeTags.primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ThemeTable.SK).getter(Chunk::sk).setter((b, v) -> b.sk = v)
            .tags(StaticAttributeTags.primarySortKey()))
        .addAttribute(SdkBytes.class, a -> a.name(ThemeTable.DATA).getter(c -> SdkBytes.fromByteArray(c.data()))
            .setter((b, v) -> b.data = v == null ? new byte[0] : v.asByteArray()))
        .build();
  }

  static StaticImmutableTableSchema<JobState, JobState.Builder> stateSchema() {
    return StaticImmutableTableSchema.builder(JobState.class, JobState.Builder.class)
        .newItemBuilder(JobState.Builder::new, JobState.Builder::build)
        .addAttribute(String.class, a -> a.name(ThemeTable.PK).getter(s -> JobState.PK).setter((b, v) -> { })
            .tags(StaticAttributeTags.primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ThemeTable.SK).getter(s -> JobState.SK).setter((b, v) -> { })
            .tags(StaticAttributeTags.primarySortKey()))
        .addAttribute(Instant.class, a -> a.name(ThemeTable.WATERMARK).getter(JobState::watermark).setter((b, v) -> b.watermark = v))
        .addAttribute(Instant.class, a -> a.name(ThemeTable.LAST_RUN).getter(JobState::lastRun).setter((b, v) -> b.lastRun = v))
        .addAttribute(Long.class, a -> a.name(ThemeTable.GENERATION).getter(JobState::generation)
            .setter((b, v) -> b.generation = v == null ? 0 : v))
        .addAttribute(Integer.class, a -> a.name(ThemeTable.CHUNKS).getter(JobState::chunks)
            .setter((b, v) -> b.chunks = v == null ? 0 : v))
        .addAttribute(Boolean.class, a -> a.name(ThemeTable.BY_ANALYSIS).getter(JobState::byAnalysis)
            .setter((b, v) -> b.byAnalysis = Boolean.TRUE.equals(v)))
        .build();
  }

  /** Mutable builder used only by the table schema. */
  static final class ThemeBuilder {
    String id;
    String label;
    List<String> terms;
    float[] centroid;
    long size;
    Theme.Status status;
    String mergedInto;
    Instant createdAt;
    Instant updatedAt;
    List<String> quoteIds;
    List<String> quoteTexts;
    List<String> quoteLinks;
    Map<String, Long> weekly;

    Theme build() {
      List<Quote> quotes = new ArrayList<>();
      if (quoteIds != null && quoteTexts != null) {
        for (int i = 0; i < Math.min(quoteIds.size(), quoteTexts.size()); i++) {
          String link = quoteLinks != null && i < quoteLinks.size() && !quoteLinks.get(i).isEmpty()
              ? quoteLinks.get(i) : null;
          quotes.add(new Quote(quoteIds.get(i), quoteTexts.get(i), link));
        }
      }
      return new Theme(id, label, terms, centroid, size, status, mergedInto, createdAt, updatedAt, quotes, weekly);
    }
  }

  static StaticImmutableTableSchema<Theme, ThemeBuilder> themeSchema() {
    return StaticImmutableTableSchema.builder(Theme.class, ThemeBuilder.class)
        .newItemBuilder(ThemeBuilder::new, ThemeBuilder::build)
        .addAttribute(String.class, a -> a.name(ThemeTable.PK).getter(t -> THEME).setter((b, v) -> { })
            .tags(StaticAttributeTags.primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ThemeTable.SK).getter(Theme::id).setter((b, v) -> b.id = v)
            .tags(StaticAttributeTags.primarySortKey()))
        .addAttribute(String.class, a -> a.name(ThemeTable.LABEL).getter(Theme::label).setter((b, v) -> b.label = v))
        .addAttribute(EnhancedType.listOf(String.class), a -> a.name(ThemeTable.TERMS)
            .getter(t -> t.terms().isEmpty() ? null : t.terms()).setter((b, v) -> b.terms = v))
        .addAttribute(SdkBytes.class, a -> a.name(ThemeTable.CENTROID)
            .getter(t -> t.centroid() == null ? null : SdkBytes.fromByteArray(EmbeddingCodec.float32(t.centroid())))
            .setter((b, v) -> b.centroid = v == null ? null : EmbeddingCodec.decode(v.asByteArray())))
        .addAttribute(Long.class, a -> a.name(ThemeTable.SIZE).getter(Theme::size).setter((b, v) -> b.size = v == null ? 0 : v))
        .addAttribute(String.class, a -> a.name(ThemeTable.STATUS).getter(t -> t.status().name())
            .setter((b, v) -> b.status = v == null ? null : Theme.Status.valueOf(v)))
        .addAttribute(String.class, a -> a.name(ThemeTable.MERGED_INTO).getter(Theme::mergedInto).setter((b, v) -> b.mergedInto = v))
        .addAttribute(Instant.class, a -> a.name(ThemeTable.CREATED_AT).getter(Theme::createdAt).setter((b, v) -> b.createdAt = v))
        .addAttribute(Instant.class, a -> a.name(ThemeTable.UPDATED_AT).getter(Theme::updatedAt).setter((b, v) -> b.updatedAt = v))
        .addAttribute(EnhancedType.listOf(String.class), a -> a.name(ThemeTable.QUOTE_IDS)
            .getter(t -> t.quotes().isEmpty() ? null : t.quotes().stream().map(Quote::itemId).toList())
            .setter((b, v) -> b.quoteIds = v))
        .addAttribute(EnhancedType.listOf(String.class), a -> a.name(ThemeTable.QUOTE_TEXTS)
            .getter(t -> t.quotes().isEmpty() ? null : t.quotes().stream().map(Quote::text).toList())
            .setter((b, v) -> b.quoteTexts = v))
        .addAttribute(EnhancedType.listOf(String.class), a -> a.name(ThemeTable.QUOTE_LINKS)
            .getter(t -> t.quotes().isEmpty() ? null
                : t.quotes().stream().map(q -> q.permalink() == null ? "" : q.permalink()).toList())
            .setter((b, v) -> b.quoteLinks = v))
        .addAttribute(EnhancedType.mapOf(String.class, Long.class), a -> a.name(ThemeTable.WEEKLY)
            .getter(t -> t.weekly().isEmpty() ? null : t.weekly()).setter((b, v) -> b.weekly = v))
        .build();
  }
}
