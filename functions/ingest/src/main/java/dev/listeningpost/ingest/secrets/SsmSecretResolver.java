package dev.listeningpost.ingest.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Secrets from SSM Parameter Store SecureStrings, cached in memory for a TTL so a warm function
 * does not call SSM per webhook. Names: {@code {prefix}{channel}/{source}/{name}} (if the source has
 * its own) else {@code {prefix}{channel}/{name}}, plus {@code ...-previous} during a rotation.
 */
public final class SsmSecretResolver implements SecretResolver {
  private final SsmClient ssm;
  private final String prefix;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(List<String> values, Instant expires) {
  }

  public SsmSecretResolver(SsmClient ssm, String prefix, Duration ttl, Clock clock) {
    this.ssm = ssm;
    this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public List<String> lookup(String channel, String source, String name) {
    if (source != null && !source.isBlank()) {
      List<String> own = cached(prefix + channel + "/" + source + "/" + name);
      if (!own.isEmpty()) {
        return own;
      }
    }
    return cached(prefix + channel + "/" + name);
  }

  private List<String> cached(String path) {
    Instant now = clock.instant();
    Cached c = cache.get(path);
    if (c != null && c.expires().isAfter(now)) {
      return c.values();
    }
    // One call for the current and previous value; missing names are simply absent.
    Map<String, String> found = new java.util.HashMap<>();
    List<Parameter> parameters;
    try {
      parameters = ssm.getParameters(GetParametersRequest.builder()
          .names(path, path + "-previous").withDecryption(true).build()).parameters();
    } catch (SdkException e) {
      // Do not cache the failure: the next delivery (the platform's retry) tries again.
      throw new SecretsUnavailableException("secret store unavailable: " + e.getClass().getSimpleName(), e);
    }
    for (Parameter p : parameters) {
      found.put(p.name(), p.value());
    }
    List<String> values = new ArrayList<>(2);
    if (found.containsKey(path)) {
      values.add(found.get(path));
      if (found.containsKey(path + "-previous")) {
        values.add(found.get(path + "-previous"));
      }
    }
    cache.put(path, new Cached(List.copyOf(values), now.plus(ttl)));
    return values;
  }
}
