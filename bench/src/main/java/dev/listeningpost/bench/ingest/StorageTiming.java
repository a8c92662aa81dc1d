package dev.listeningpost.bench.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Times every call the function makes on its {@link DynamoDbClient} (marshalling, signing, the HTTP
 * round trip and unmarshalling: the storage round trip), so {@link WarmLatency} can report the
 * handler's own time as the invocation's time minus its storage time.
 *
 * <p>A bench-only Micronaut bean, active only when the system property {@code bench.storage-timing}
 * is {@code true} (WarmLatency sets it before building the handler): it wraps the function's client
 * bean, as {@code StorageFactory} built it, in a timing proxy. The function's code is unchanged. The
 * benchmark calls the handler on one thread and the client is synchronous, so a thread-local sum
 * per invocation is exact.
 */
@Singleton
@Requires(property = StorageTiming.PROPERTY, value = "true")
public final class StorageTiming implements BeanCreatedEventListener<DynamoDbClient> {
  public static final String PROPERTY = "bench.storage-timing";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Per thread: wall nanoseconds, calls, CPU nanoseconds spent in the client since the last take. */
  private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[3]);
  private static volatile int wrapped;

  @Override
  public DynamoDbClient onCreated(BeanCreatedEvent<DynamoDbClient> event) {
    DynamoDbClient delegate = event.getBean();
    InvocationHandler timed = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class || method.getName().equals("close")
          || method.getName().equals("serviceName") || method.getName().equals("serviceClientConfiguration")) {
        return invoke(method, delegate, args);
      }
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      try {
        return invoke(method, delegate, args);
      } finally {
        long[] spent = SPENT.get();
        spent[0] += System.nanoTime() - t0;
        spent[1]++;
        spent[2] += THREADS.getCurrentThreadCpuTime() - cpu0;
      }
    };
    wrapped++;
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, timed);
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** How many client beans were wrapped (WarmLatency checks it is not 0, or the split would be wrong). */
  public static int wrappedClients() {
    return wrapped;
  }

  /** Nanoseconds spent in DynamoDB calls on this thread since the last call of this method. */
  public static long takeNanos() {
    long[] spent = SPENT.get();
    long nanos = spent[0];
    spent[0] = 0;
    return nanos;
  }

  /** CPU nanoseconds this thread spent inside DynamoDB calls since the last call of this method. */
  public static long takeCpuNanos() {
    long[] spent = SPENT.get();
    long nanos = spent[2];
    spent[2] = 0;
    return nanos;
  }

  /** DynamoDB calls on this thread since the last call of this method. */
  public static long takeCalls() {
    long[] spent = SPENT.get();
    long calls = spent[1];
    spent[1] = 0;
    return calls;
  }
}
