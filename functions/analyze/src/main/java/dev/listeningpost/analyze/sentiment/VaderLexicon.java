package dev.listeningpost.analyze.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The VADER word and emoji lexicons, read once from the classpath (resources/sentiment/, MIT, see
 * NOTICE.md there) and shared read-only by every scorer.
 */
final class VaderLexicon {

  private static final String WORDS = "/sentiment/vader_lexicon.txt";
  private static final String EMOJI = "/sentiment/emoji_utf8_lexicon.txt";

  private final Map<String, Double> valences;
  private final Map<Integer, String> emoji;

  private VaderLexicon(Map<String, Double> valences, Map<Integer, String> emoji) {
    this.valences = valences;
    this.emoji = emoji;
  }

  /** Lazily initialised holder: class initialisation is thread-safe and happens once. */
  private static final class Holder {
    static final VaderLexicon INSTANCE = load();
  }

  static VaderLexicon get() {
    return Holder.INSTANCE;
  }

  /** Valence of a lower-cased token, or null when the token is not in the lexicon. */
  Double valence(String lowerToken) {
    return valences.get(lowerToken);
  }

  boolean contains(String lowerToken) {
    return valences.containsKey(lowerToken);
  }

  /** The words an emoji stands for, or null. Only single code point emoji can match (as in VADER). */
  String emojiDescription(int codePoint) {
    return emoji.get(codePoint);
  }

  int size() {
    return valences.size();
  }

  private static VaderLexicon load() {
    Map<String, Double> words = new HashMap<>(16_384);
    forEachLine(WORDS, fields -> {
      if (fields.length >= 2) {
        // Duplicate tokens exist in the file; the reference keeps the last one, so do we.
        words.put(fields[0], Double.parseDouble(fields[1]));
      }
    });
    Map<Integer, String> emojis = new HashMap<>(8_192);
    forEachLine(EMOJI, fields -> {
      if (fields.length >= 2 && fields[0].codePointCount(0, fields[0].length()) == 1) {
        emojis.put(fields[0].codePointAt(0), fields[1]);
      }
    });
    return new VaderLexicon(Map.copyOf(words), Map.copyOf(emojis));
  }

  private interface LineHandler {
    void accept(String[] fields);
  }

  private static void forEachLine(String resource, LineHandler handler) {
    try (InputStream in = VaderLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty()) {
          handler.accept(trimmed.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
