package dev.listeningpost.feedback.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Application contexts whose only configuration is a map of environment variables, bound with the
 * environment-variable convention as in a function (THEME_MIN_COHESION is theme.min-cohesion). The test
 * JVM's own environment is left out so a test sees only what it sets.
 */
public final class EnvironmentContexts {
  private EnvironmentContexts() {
  }

  public static ApplicationContext start(Map<String, String> env) {
    return ApplicationContext.builder()
        .deduceEnvironment(false)
        .environmentPropertySource(false)
        .propertySources(PropertySource.of("test-environment", new LinkedHashMap<>(env),
            PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
        .start();
  }
}
