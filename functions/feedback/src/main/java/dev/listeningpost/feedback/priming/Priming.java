package dev.listeningpost.feedback.priming;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: a service registers the work its first event would otherwise pay for (class loading,
 * serializers, signature code, the embedding session, an SDK client's first request), and Lambda runs it
 * once before it snapshots the initialised function ({@code beforeCheckpoint} of an {@code org.crac}
 * {@link Resource}), so every restored instance starts warm. On a JVM without CRaC (tests, the local stack,
 * a function without SnapStart) registration does nothing and nothing runs.
 *
 * <p>Priming reads and computes only: it never writes to a table or sends a message, because a snapshot is
 * taken once per published version, not per request, and the hooks also run in every test that builds the
 * services.
 *
 * <p>Setting the system property {@value #AT_INIT_PROPERTY} to {@code true} runs each hook as it is
 * registered, during init: the cold-start benchmark's stand-in for a snapshot (there is no CRaC JVM locally).
 */
public final class Priming {
  /** Run hooks at registration (bench only: the local proxy for a SnapStart restore). */
  public static final String AT_INIT_PROPERTY = "listening-post.prime-at-init";
  /** A key no item ever has: priming reads it to warm a client's first request without touching data. */
  public static final String ABSENT_ID = "priming#absent";
  /** A period long before any data, for priming reads that should find nothing. */
  public static final java.time.Instant EPOCH = java.time.Instant.parse("2000-01-03T00:00:00Z");
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  /** Strong references: CRaC contexts may hold resources weakly, and a collected hook never runs. */
  private static final List<Hook> HOOKS = new CopyOnWriteArrayList<>();

  private Priming() {
  }

  /** One named piece of priming work, registered with the CRaC global context. */
  public static final class Hook implements Resource {
    private final String name;
    private final Runnable work;

    Hook(String name, Runnable work) {
      this.name = name;
      this.work = work;
    }

    public String name() {
      return name;
    }

    /**
     * Runs the work and says whether it completed; a failure is logged, never thrown: a cold first event is
     * better than no snapshot.
     */
    public boolean prime() {
      long start = System.nanoTime();
      try {
        work.run();
        LOG.debug("primed {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        return true;
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("priming {} failed; the first event will warm it instead: {}", name, e.toString());
        return false;
      }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
      prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
      // Nothing to undo: SDK clients re-open connections that did not survive the snapshot.
    }
  }

  /** Registers {@code work} to run before a SnapStart snapshot (or now, with {@value #AT_INIT_PROPERTY}). */
  public static Hook register(String name, Runnable work) {
    Hook hook = new Hook(name, work);
    HOOKS.add(hook);
    Core.getGlobalContext().register(hook);
    if (Boolean.getBoolean(AT_INIT_PROPERTY)) {
      hook.prime();
    }
    return hook;
  }

  /** The hooks registered so far in this JVM (tests). */
  public static List<Hook> hooks() {
    return List.copyOf(HOOKS);
  }
}
