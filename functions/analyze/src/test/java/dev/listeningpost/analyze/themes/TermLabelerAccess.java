package dev.listeningpost.analyze.themes;

import java.util.List;

/** Test access to the labeller's tokenizer. */
public final class TermLabelerAccess {
  private TermLabelerAccess() {
  }

  public static List<String> tokens(String text) {
    return TermLabeler.tokens(text);
  }
}
