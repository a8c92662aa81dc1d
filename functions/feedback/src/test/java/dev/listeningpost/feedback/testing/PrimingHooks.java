package dev.listeningpost.feedback.testing;

import dev.listeningpost.feedback.priming.Priming;
import java.util.List;

/** Finds the priming hook a constructor registered (the registry is JVM-wide, so tests count before and after). */
public final class PrimingHooks {
  private PrimingHooks() {
  }

  public static long count(String name) {
    return Priming.hooks().stream().filter(h -> h.name().equals(name)).count();
  }

  /** The hook named {@code name} registered after {@code before} of them existed; fails if there is none. */
  public static Priming.Hook registeredSince(String name, long before) {
    List<Priming.Hook> hooks = Priming.hooks().stream().filter(h -> h.name().equals(name)).toList();
    if (hooks.size() <= before) {
      throw new AssertionError("no priming hook '" + name + "' was registered");
    }
    return hooks.get(hooks.size() - 1);
  }
}
