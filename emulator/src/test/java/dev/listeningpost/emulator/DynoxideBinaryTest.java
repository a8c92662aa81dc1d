package dev.listeningpost.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynoxideBinaryTest {
  @TempDir
  Path dir;

  @Test
  void dynoxideBinWinsWhenItIsExecutable() throws Exception {
    Path bin = executable(dir.resolve("my-dynoxide"));
    assertEquals(bin, DynoxideBinary.find(Map.of("DYNOXIDE_BIN", bin.toString(), "PATH", "")).orElseThrow());
  }

  @Test
  void aDynoxideBinThatDoesNotExistIsNotSilentlyReplaced() {
    Path cache = dir.resolve("cache");
    assertTrue(DynoxideBinary.find(Map.of("DYNOXIDE_BIN", dir.resolve("missing").toString(),
        "LP_CACHE", cache.toString(), "PATH", "")).isEmpty());
  }

  @Test
  void theProjectCacheHoldsThePinnedVersion() throws Exception {
    Path cache = dir.resolve("cache");
    Path bin = cache.resolve("dynoxide-" + DynoxideBinary.VERSION).resolve("bin").resolve("dynoxide");
    Files.createDirectories(bin.getParent());
    executable(bin);
    assertEquals(bin, DynoxideBinary.find(Map.of("LP_CACHE", cache.toString(), "PATH", "")).orElseThrow());
  }

  @Test
  void nothingFoundMeansEmptyAndTheMessageNamesTheInstallScript() {
    assertTrue(DynoxideBinary.find(Map.of("LP_CACHE", dir.toString(), "PATH", dir.toString())).isEmpty());
    assertTrue(DynoxideBinary.missingMessage().contains("tools/install-dynoxide.sh"));
  }

  private static Path executable(Path p) throws Exception {
    Files.writeString(p, "#!/bin/sh\necho dynoxide 1.5.0\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }
}
