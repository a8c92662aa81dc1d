package dev.listeningpost.analyze.embed;

import java.util.List;

/**
 * Turns short texts into unit-length sentence vectors. Implementations are thread-safe and
 * deterministic: a text always gets the same vector, whatever it is batched with.
 */
public interface Embedder {

  /** Vector length. */
  int dimension();

  /** The L2-normalised vector of one text; a blank text gets the zero vector. */
  float[] embed(String text);

  /** One vector per text, in input order; equal to calling {@link #embed(String)} on each. */
  List<float[]> embedAll(List<String> texts);
}
