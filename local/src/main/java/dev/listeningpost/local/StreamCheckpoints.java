package dev.listeningpost.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The last stream sequence number processed per stream shard, kept as Lambda's event source
 * mapping keeps it: in a file under the data dir, so a restarted local stack resumes exactly after
 * it (nothing analysed twice, nothing skipped), or in memory for an {@code --in-memory} run.
 */
final class StreamCheckpoints {
  private final Path file; // null: in memory only
  private final Map<String, String> positions = new HashMap<>();

  private StreamCheckpoints(Path file) {
    this.file = file;
  }

  static StreamCheckpoints inMemory() {
    return new StreamCheckpoints(null);
  }

  static StreamCheckpoints persistedIn(Path file) {
    StreamCheckpoints c = new StreamCheckpoints(file);
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read stream checkpoints " + file, e);
      }
      p.stringPropertyNames().forEach(k -> c.positions.put(k, p.getProperty(k)));
    }
    return c;
  }

  synchronized Optional<String> after(String streamArn, String shardId) {
    return Optional.ofNullable(positions.get(key(streamArn, shardId)));
  }

  /** Records positions once their records are processed; written atomically (rename). */
  synchronized void commit(Map<String, String> shardPositions, String streamArn) {
    if (shardPositions.isEmpty()) {
      return;
    }
    shardPositions.forEach((shard, seq) -> positions.put(key(streamArn, shard), seq));
    if (file != null) {
      write();
    }
  }

  private void write() {
    Properties p = new Properties();
    new TreeMap<>(positions).forEach(p::setProperty);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Listening Post local stack: last processed stream sequence number per shard");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write stream checkpoints " + file, e);
    }
  }

  private static String key(String streamArn, String shardId) {
    return streamArn + "|" + shardId;
  }
}
