package dev.listeningpost.ingest.secrets;

import java.util.List;

/**
 * Looks up webhook secrets. Returns the current value first and, during a rotation, the previous
 * one: verifiers accept either. Implementations never log values.
 */
public interface SecretResolver {

  /**
   * @param channel channel name, e.g. {@code slack}
   * @param source  source within the channel or null; a source without its own secret falls back to
   *                the channel's
   * @param name    secret name, e.g. {@code signing-secret}, {@code verify-token}, {@code public-key}
   */
  List<String> lookup(String channel, String source, String name);
}
