package dev.listeningpost.feedback.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a feedback item's embedding is stored: the one encoder and the one decoder every writer and
 * reader uses (the mapping, the analyze write-back, the themes job's key reads).
 *
 * <p>Written form (version 1): one version byte {@code 0x01}, the scale as a little-endian
 * float32, then one signed byte per dimension, {@code round(v[i] / scale)} with
 * {@code scale = max|v[i]| / 127}. 384 dimensions take 389 bytes instead of 1,536: the analysed
 * item drops from about 2.4 KB to under 1.3 KB, one write unit fewer per analysis write and per
 * re-write (DynamoDB bills 1 WRU per started KB of the larger of the old and new item). The
 * error is at most half a step per dimension; on unit-length sentence embeddings a dot product
 * moves by about 1e-3 (EmbeddingCodecTest bounds it on real vectors).
 *
 * <p>Read: both that form and the float32 form written before it (little-endian, 4 bytes per
 * dimension). They are told apart by length: float32 is always a multiple of 4 bytes, version 1
 * is {@code 5 + n} bytes and is written only when {@code n} is a multiple of 4 (every real model
 * dimension: 384, 768, 1024); any other vector is written as float32, so the rule stays exact.
 */
public final class EmbeddingCodec {
  /** First byte of the quantised form. */
  static final byte INT8_V1 = 1;
  private static final int HEADER = 5;

  private EmbeddingCodec() {
  }

  /** The stored form of an embedding: int8 with one scale where the length allows it (see class doc). */
  public static byte[] encode(float[] v) {
    if (v.length == 0 || v.length % 4 != 0) {
      return float32(v);
    }
    float max = 0;
    for (float x : v) {
      if (!Float.isFinite(x)) {
        // Not a real embedding: keep it exactly rather than invent a scale.
        return float32(v);
      }
      max = Math.max(max, Math.abs(x));
    }
    float scale = max / 127f;
    ByteBuffer buf = ByteBuffer.allocate(HEADER + v.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(INT8_V1).putFloat(scale);
    for (float x : v) {
      buf.put(scale == 0 ? 0 : (byte) Math.max(-127, Math.min(127, Math.round(x / scale))));
    }
    return buf.array();
  }

  /** An embedding from either stored form: int8 version 1, or the float32 form of older items. */
  public static float[] decode(byte[] b) {
    if (b.length % 4 == 0) {
      return float32(b);
    }
    if (b.length < HEADER || b[0] != INT8_V1 || (b.length - HEADER) % 4 != 0) {
      throw new IllegalArgumentException("not a stored embedding: " + b.length + " bytes, first byte " + b[0]);
    }
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    buf.get();
    float scale = buf.getFloat();
    float[] v = new float[b.length - HEADER];
    for (int i = 0; i < v.length; i++) {
      v[i] = buf.get() * scale;
    }
    return v;
  }

  /** Little-endian float32, 4 bytes per dimension: exact (theme centroids, and embeddings before version 1). */
  public static byte[] float32(float[] v) {
    ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      buf.putFloat(f);
    }
    return buf.array();
  }

  static float[] float32(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[b.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = buf.getFloat();
    }
    return v;
  }
}
