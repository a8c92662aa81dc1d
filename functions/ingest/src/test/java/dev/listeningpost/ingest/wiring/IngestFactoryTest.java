package dev.listeningpost.ingest.wiring;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.listeningpost.feedback.testing.EnvironmentContexts;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.secrets.SecretResolver;
import dev.listeningpost.ingest.secrets.SsmSecretResolver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestFactoryTest {

  @Test
  void secretsComeFromTheEnvironmentByDefault() {
    try (ApplicationContext ctx = EnvironmentContexts.start(Map.of())) {
      assertInstanceOf(EnvironmentSecretResolver.class, ctx.getBean(SecretResolver.class));
    }
  }

  @Test
  void secretsSourceSsmReadsParameterStore() {
    try (ApplicationContext ctx = EnvironmentContexts.start(Map.of("SECRETS_SOURCE", "ssm", "AWS_REGION", "us-east-1"))) {
      assertInstanceOf(SsmSecretResolver.class, ctx.getBean(SecretResolver.class));
    }
  }

  @Test
  void anUnknownSecretsSourceFailsAtStartupInsteadOfAnsweringEvery401() {
    try (ApplicationContext ctx = EnvironmentContexts.start(Map.of("SECRETS_SOURCE", "vault"))) {
      assertThrows(BeanInstantiationException.class, () -> ctx.getBean(SecretResolver.class));
    }
  }

  @Test
  void aRegisteredResolverWins() {
    SecretResolver own = new EnvironmentSecretResolver(Map.of());
    try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).environmentPropertySource(false)
        .properties(Map.of("secrets.source", "local")).singletons(own).start()) {
      assertSame(own, ctx.getBean(SecretResolver.class));
    }
  }
}
