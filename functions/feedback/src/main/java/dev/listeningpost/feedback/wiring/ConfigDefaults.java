package dev.listeningpost.feedback.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code @ConfigurationProperties} record bound without an application context, for tests, benchmarks
 * and tools that build services by hand. A default's one declaration is its component's
 * {@link Bindable#defaultValue()}; a value comes from an environment-style map ({@code THEME_MIN_COHESION})
 * resolved by Micronaut's own property resolver with the environment-variable convention, as in a
 * function. Each properties type has a test that this equals what a context binds.
 */
public final class ConfigDefaults {
  private ConfigDefaults() {
  }

  /** The record with every component at its declared default. */
  public static <R extends Record> R of(Class<R> type) {
    return fromEnvironment(type, Map.of());
  }

  /** The record bound from environment variables (names as Micronaut maps them), else the defaults. */
  public static <R extends Record> R fromEnvironment(Class<R> type, Map<String, String> env) {
    ConfigurationProperties config = type.getAnnotation(ConfigurationProperties.class);
    if (config == null) {
      throw new IllegalArgumentException(type + " is not a @ConfigurationProperties record");
    }
    PropertySourcePropertyResolver resolver = new PropertySourcePropertyResolver(
        PropertySource.of("environment", new LinkedHashMap<>(env), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = value(resolver, config.value(), components[i]);
    }
    try {
      Constructor<R> canonical = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  /** The property key of a component, e.g. {@code theme.min-cohesion}. */
  public static String key(String prefix, RecordComponent component) {
    return prefix + "." + NameUtils.hyphenate(component.getName());
  }

  private static Object value(PropertySourcePropertyResolver resolver, String prefix, RecordComponent component) {
    Bindable bindable = component.getAccessor().getAnnotation(Bindable.class);
    if (bindable == null) {
      throw new IllegalStateException(component + " declares no @Bindable(defaultValue = ...)");
    }
    String key = key(prefix, component);
    return convert(resolver, key, Argument.of(component.getType()), bindable.defaultValue());
  }

  private static <T> T convert(PropertySourcePropertyResolver resolver, String key, Argument<T> type, String fallback) {
    return resolver.getProperty(key, ConversionContext.of(type))
        .or(() -> ConversionService.SHARED.convert(fallback, ConversionContext.of(type)))
        .orElseThrow(() -> new IllegalStateException("cannot convert the default of " + key + ": '" + fallback + "'"));
  }
}
