package dev.listeningpost.local.invoke;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts this JVM's environment back as it was when closed. {@link LambdaInvoker} sets a function's
 * variables in the process environment (as Lambda does before the runtime starts); a test that runs
 * several functions in one JVM restores it between them, so no function sees another's variables.
 */
public final class ScopedEnvironment implements AutoCloseable {
  private final Map<String, String> saved = new HashMap<>(System.getenv());

  private ScopedEnvironment() {
  }

  public static ScopedEnvironment save() {
    return new ScopedEnvironment();
  }

  @Override
  public void close() {
    Map<String, String> env = ProcessEnvironment.writable();
    for (String name : List.copyOf(env.keySet())) {
      if (!saved.containsKey(name)) {
        env.remove(name);
      }
    }
    env.putAll(saved);
  }
}
