package dev.listeningpost.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip for raw webhook bodies kept with each item (typically 4-8x smaller for JSON). */
public final class RawPayloads {
  private RawPayloads() {
  }

  public static byte[] compress(byte[] raw) {
    if (raw == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] decompress(byte[] compressed) {
    if (compressed == null) {
      return null;
    }
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return gz.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
