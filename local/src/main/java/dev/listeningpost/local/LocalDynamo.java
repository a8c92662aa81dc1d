package dev.listeningpost.local;

import dev.listeningpost.emulator.DynoxideBinary;
import dev.listeningpost.emulator.DynoxideServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The DynamoDB the local stack talks to: dynoxide as a child process (data in
 * {@code {data-dir}/dynamodb/listening-post.db}, or in memory), or an endpoint the user already runs.
 */
final class LocalDynamo implements AutoCloseable {
  private final String endpoint;
  private final DynoxideServer server; // null when the endpoint is the user's

  private LocalDynamo(String endpoint, DynoxideServer server) {
    this.endpoint = endpoint;
    this.server = server;
  }

  /** Thrown when no dynoxide binary exists: the message says what to install. */
  static final class MissingEmulatorException extends RuntimeException {
    MissingEmulatorException() {
      super(DynoxideBinary.missingMessage());
    }
  }

  static LocalDynamo start(Options options, Path dataDir, Map<String, String> env) {
    Optional<String> external = options.dynamodbEndpoint(env);
    if (external.isPresent()) {
      return new LocalDynamo(external.get(), null);
    }
    Path binary = DynoxideBinary.find(env).orElseThrow(MissingEmulatorException::new);
    Optional<Path> db = options.inMemory() ? Optional.empty()
        : Optional.of(dataDir.resolve("dynamodb").resolve("listening-post.db"));
    DynoxideServer server = DynoxideServer.start(binary, db, Optional.of(dataDir.resolve("dynoxide.log")));
    return new LocalDynamo(server.endpoint(), server);
  }

  String endpoint() {
    return endpoint;
  }

  /** What the startup banner says about storage. */
  String describe() {
    if (server == null) {
      return "DynamoDB at " + endpoint + " (--dynamodb-endpoint)";
    }
    return "dynoxide (pid " + server.pid() + ") at " + endpoint;
  }

  boolean managed() {
    return server != null;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
