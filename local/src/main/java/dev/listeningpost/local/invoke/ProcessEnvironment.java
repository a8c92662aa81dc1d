package dev.listeningpost.local.invoke;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Sets variables in this JVM's own environment, as the Lambda sandbox sets the function's
 * environment before the runtime starts: the handler then reads them exactly as in Lambda
 * ({@code System.getenv}, Micronaut's environment property source, the AWS SDK's settings).
 *
 * <p>The JDK exposes no setter, so this writes into the map behind {@link System#getenv()}. It needs
 * {@code --add-opens java.base/java.util=ALL-UNNAMED} (the local jar's manifest declares it) and is
 * only used by the one-shot {@code invoke} command, whose process ends after the invocation.
 */
final class ProcessEnvironment {
  private ProcessEnvironment() {
  }

  /** Thrown when the JVM does not let this code write its environment. */
  static final class NotWritableException extends RuntimeException {
    NotWritableException(Exception cause) {
      super("cannot set the function's environment in this JVM (run the jar with java -jar, or add "
          + "--add-opens java.base/java.util=ALL-UNNAMED): " + cause, cause);
    }
  }

  static void putAll(Map<String, String> variables) {
    writable().putAll(variables);
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> writable() {
    Map<String, String> env = System.getenv();
    try {
      // Collections.UnmodifiableMap wraps the JVM's live, modifiable environment map in field m.
      Field m = env.getClass().getDeclaredField("m");
      m.setAccessible(true);
      return (Map<String, String>) m.get(env);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new NotWritableException(e);
    }
  }
}
