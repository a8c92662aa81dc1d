package dev.listeningpost.local.invoke;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Max Memory Used" as Lambda reports it: the peak resident memory of the process (Linux
 * {@code VmHWM}). Here the process also holds this tool, so the figure is an upper bound. Elsewhere
 * the JVM's peak pool usage stands in.
 */
final class PeakMemory {
  private PeakMemory() {
  }

  static long megabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return Math.max(1, Math.round(kb / 1024.0));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      bytes += pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
    }
    return Math.max(1, bytes / (1024 * 1024));
  }
}
