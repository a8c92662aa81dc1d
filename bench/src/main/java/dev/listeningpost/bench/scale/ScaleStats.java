package dev.listeningpost.bench.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Peak memory for the scale curves (bench/scripts/scale-curves.sh): the heap pools' peak usage since
 * the last {@link #resetHeapPeaks()} (what the measured phase needed, live data and garbage not yet
 * collected), the heap in use after a full GC (what is retained), and the process's peak resident set
 * ({@code VmHWM} in /proc/self/status: heap as committed, metaspace, code cache, natives, threads).
 */
public final class ScaleStats {
  private ScaleStats() {
  }

  public static void resetHeapPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage since the last reset, in MB. */
  public static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / 1048576.0;
  }

  /** Heap in use after a full collection, in MB. */
  public static double retainedHeapMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  /** The process's peak resident set size (VmHWM), in MB; NaN where /proc is missing. */
  public static double vmHwmMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** The line bench/scripts/scale-curves.sh collects: one measured size of one curve. */
  public static void printResult(String curve, int items, double seconds, double peakHeapMb, double retainedMb) {
    System.out.printf(Locale.ROOT, "RESULT curve=%s items=%d seconds=%.2f peakHeapMB=%.0f retainedHeapMB=%.0f vmHwmMB=%.0f maxHeapMB=%d%n",
        curve, items, seconds, peakHeapMb, retainedMb, vmHwmMb(), Runtime.getRuntime().maxMemory() >> 20);
  }
}
