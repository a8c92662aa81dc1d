package dev.listeningpost.local.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one function in this JVM the way the Lambda Java runtime runs it: the environment set first,
 * then the class named by the exact Handler string loaded and built with its public no-arg
 * constructor (init), the event bound to the handler's input type by the runtime's serializers,
 * {@code handleRequest} called with a {@link Context} whose remaining time counts down from the
 * function's Timeout, and the result serialized by the runtime's serializers for the output type.
 */
public final class LambdaInvoker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final PrintStream log;

  /** @param log where the function's logs go (stderr, as {@code sam local invoke} prints them). */
  public LambdaInvoker(Clock clock, PrintStream log) {
    this.clock = clock;
    this.log = log;
  }

  /** Thrown when the Handler string names no loadable handler: Lambda's init error. */
  public static final class HandlerInitException extends RuntimeException {
    HandlerInitException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public InvocationResult invoke(String handler, String functionName, int memoryMb, int timeoutSeconds,
                                 Map<String, String> environment, byte[] event) {
    ProcessEnvironment.putAll(environment);
    String requestId = UUID.randomUUID().toString();
    long initStart = System.nanoTime();
    Object instance = construct(handler);
    double initMillis = (System.nanoTime() - initStart) / 1e6;

    InvocationContext context = new InvocationContext(requestId, functionName, memoryMb,
        clock.instant().plusSeconds(timeoutSeconds), environment.getOrDefault("AWS_REGION", "us-east-1"), clock, log);
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "lambda-invocation");
      t.setDaemon(true); // a timed-out handler must not keep the process alive
      return t;
    });
    log.println("START RequestId: " + requestId + " Version: $LATEST");
    log.flush();
    long start = System.nanoTime();
    try {
      Future<byte[]> call = thread.submit(() -> handle(instance, event, context));
      byte[] response = call.get(timeoutSeconds, TimeUnit.SECONDS);
      return new InvocationResult(requestId, false, new String(response, StandardCharsets.UTF_8), initMillis,
          millisSince(start), PeakMemory.megabytes());
    } catch (TimeoutException e) {
      double elapsed = millisSince(start);
      ObjectNode error = JSON.createObjectNode().put("errorType", "Sandbox.Timedout")
          .put("errorMessage", String.format(java.util.Locale.ROOT, "RequestId: %s Error: Task timed out after %.2f seconds",
              requestId, elapsed / 1000));
      return new InvocationResult(requestId, true, error.toString(), initMillis, elapsed, PeakMemory.megabytes());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      cause.printStackTrace(log);
      return new InvocationResult(requestId, true, errorJson(cause).toString(), initMillis, millisSince(start),
          PeakMemory.megabytes());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      thread.shutdown();
    }
  }

  private static Object construct(String handler) {
    if (handler.contains("::")) {
      // The runtime then calls the named method with a raw Map for a generic handler; the
      // template's functions name classes, so this is refused rather than half-emulated.
      throw new HandlerInitException("Handler '" + handler + "': only class names are supported (the handler "
          + "class implements RequestHandler or RequestStreamHandler)", null);
    }
    try {
      Class<?> type = Class.forName(handler, true, Thread.currentThread().getContextClassLoader());
      return type.getConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new HandlerInitException("Class not found: " + handler, e);
    } catch (NoSuchMethodException e) {
      throw new HandlerInitException(handler + " has no public no-arg constructor", e);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new HandlerInitException("init of " + handler + " failed: " + cause, cause);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static byte[] handle(Object instance, byte[] event, Context context) throws Exception {
    if (instance instanceof RequestStreamHandler stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stream.handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
    if (!(instance instanceof RequestHandler handler)) {
      throw new HandlerInitException(instance.getClass().getName() + " implements neither RequestHandler nor "
          + "RequestStreamHandler", null);
    }
    HandlerTypes types = HandlerTypes.of(instance.getClass());
    ClassLoader loader = instance.getClass().getClassLoader();
    PojoSerializer<Object> in = RuntimeSerialization.serializerFor(types.input(), loader);
    Object input = in.fromJson(new ByteArrayInputStream(event));
    Object output = handler.handleRequest(input, context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (output == null) {
      out.writeBytes("null".getBytes(StandardCharsets.UTF_8));
    } else {
      RuntimeSerialization.serializerFor(types.output() == Object.class ? output.getClass() : types.output(), loader)
          .toJson(output, out);
    }
    return out.toByteArray();
  }

  /** Lambda's error response for an unhandled exception of the Java runtime. */
  static ObjectNode errorJson(Throwable t) {
    ObjectNode error = JSON.createObjectNode();
    error.put("errorMessage", String.valueOf(t.getMessage()));
    error.put("errorType", t.getClass().getName());
    var trace = error.putArray("stackTrace");
    for (StackTraceElement e : t.getStackTrace()) {
      trace.add(e.toString());
    }
    if (t.getCause() != null && t.getCause() != t) {
      error.set("cause", errorJson(t.getCause()));
    }
    return error;
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
