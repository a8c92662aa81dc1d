package dev.listeningpost.feedback.store;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Hashtags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps an item under DynamoDB's 400 KB item limit, so a long post is stored rather than answered
 * 503 forever (the platform would retry a write that can never succeed).
 *
 * <p>Rule: when the item (text + compressed raw payload + attributes) is over {@link #BUDGET},
 * the text is cut at a code point boundary and ends with "… [truncated, N characters]", keeping at
 * least {@link #TEXT_FLOOR} bytes; if that is still over, the raw payload is left out and
 * {@value FeedbackTable#RAW_OMITTED} records its size (such an item cannot be reparsed).
 */
public final class ItemLimits {
  /** DynamoDB's limit is 409,600 bytes; the margin leaves room for enrichment and edit attributes. */
  public static final int BUDGET = 380_000;
  /** Text always kept when the raw payload has to go instead. */
  public static final int TEXT_FLOOR = 64 * 1024;
  private static final int MAX_HASHTAGS = 50;

  private ItemLimits() {
  }

  /** An item as it will be stored, and the raw payload size left out (0 when kept). */
  public record Fitted(Feedback item, int rawOmittedBytes) {
    public boolean rawOmitted() {
      return rawOmittedBytes > 0;
    }
  }

  /** @param size the stored size of an item in bytes */
  public static Fitted fit(Feedback item, ToIntFunction<Feedback> size) {
    int over = size.applyAsInt(item) - BUDGET;
    if (over <= 0) {
      return new Fitted(item, 0);
    }
    Feedback cut = withText(item, truncate(item.text(), utf8(item.text()) - over - 64));
    if (size.applyAsInt(cut) <= BUDGET || item.rawPayload() == null) {
      return new Fitted(cut, 0);
    }
    return new Fitted(cut.toBuilder().rawPayload(null).build(), item.rawPayload().length);
  }

  private static Feedback withText(Feedback item, String text) {
    List<String> tags = text.equals(item.text()) ? item.hashtags() : Hashtags.in(text);
    return item.toBuilder().text(text).hashtags(tags.size() > MAX_HASHTAGS ? tags.subList(0, MAX_HASHTAGS) : tags).build();
  }

  /** The text cut to about {@code maxBytes} UTF-8 bytes (never below the floor), with a visible marker. */
  static String truncate(String text, int maxBytes) {
    int keep = Math.max(TEXT_FLOOR, maxBytes);
    if (utf8(text) <= keep) {
      return text;
    }
    int end = 0;
    int bytes = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > keep) {
        break;
      }
      bytes += n;
      end += Character.charCount(cp);
    }
    int removed = text.codePointCount(end, text.length());
    return text.substring(0, end) + "… [truncated, " + removed + " characters]";
  }

  private static int utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** DynamoDB's item size: attribute names plus values (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html). */
  public static int sizeOf(Map<String, AttributeValue> item) {
    int total = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      total += utf8(e.getKey()) + sizeOf(e.getValue());
    }
    return total;
  }

  private static int sizeOf(AttributeValue v) {
    if (v.s() != null) {
      return utf8(v.s());
    }
    if (v.b() != null) {
      return v.b().asByteArray().length;
    }
    if (v.n() != null) {
      return v.n().length() / 2 + 2;
    }
    if (v.hasL()) {
      return 3 + v.l().stream().mapToInt(x -> 1 + sizeOf(x)).sum();
    }
    if (v.hasM()) {
      return 3 + v.m().entrySet().stream().mapToInt(x -> 1 + utf8(x.getKey()) + sizeOf(x.getValue())).sum();
    }
    if (v.hasSs()) {
      return v.ss().stream().mapToInt(ItemLimits::utf8).sum();
    }
    return 1;
  }
}
