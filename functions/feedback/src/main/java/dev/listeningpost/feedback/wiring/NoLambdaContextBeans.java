package dev.listeningpost.feedback.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Replaces Micronaut's {@link DefaultLambdaContextFactory}, which registers every invocation's Lambda
 * {@link Context} (and its logger) as a new singleton bean. The runtime makes a new Context per call, so
 * the registrations pile up and each call gets slower: the median call grew from about 1 ms to about
 * 26 ms over 20,000 calls (bench/scripts/ingest-warm.sh, docs/performance/ingest.md). No bean here
 * injects the Context, so registering nothing is correct. Property {@code lambda.register-context=true}
 * (LAMBDA_REGISTER_CONTEXT) restores Micronaut's behaviour, for a bean that needs the Context
 * injected or to reproduce the slowdown in the benchmark.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
@Requires(property = "lambda.register-context", notEquals = "true")
public final class NoLambdaContextBeans implements LambdaContextFactory {
  @Override
  public void registerSingletons(Context context) {
    // Intentionally nothing: see the class comment.
  }
}
