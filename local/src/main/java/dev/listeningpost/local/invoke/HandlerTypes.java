package dev.listeningpost.local.invoke;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The input and output types of a {@link RequestHandler} class, as the Lambda Java runtime finds them:
 * the actual type arguments of {@code RequestHandler<I, O>}, following the class hierarchy (a
 * {@code MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>} subclass binds them
 * through its superclass). An unbound argument is {@code Object}, as it is for the runtime.
 */
public record HandlerTypes(Type input, Type output) {

  public static HandlerTypes of(Class<?> handlerClass) {
    Map<TypeVariable<?>, Type> bound = new HashMap<>();
    HandlerTypes found = search(handlerClass, bound);
    if (found == null) {
      throw new IllegalArgumentException(handlerClass.getName() + " does not implement " + RequestHandler.class.getName());
    }
    return found;
  }

  private static HandlerTypes search(Type type, Map<TypeVariable<?>, Type> bound) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return null;
    }
    if (type instanceof ParameterizedType p) {
      TypeVariable<?>[] vars = raw.getTypeParameters();
      Type[] args = p.getActualTypeArguments();
      for (int i = 0; i < vars.length; i++) {
        bound.put(vars[i], resolve(args[i], bound));
      }
      if (raw == RequestHandler.class) {
        return new HandlerTypes(resolve(args[0], bound), resolve(args[1], bound));
      }
    }
    for (Type iface : raw.getGenericInterfaces()) {
      HandlerTypes t = search(iface, bound);
      if (t != null) {
        return t;
      }
    }
    if (raw == RequestHandler.class) {
      return new HandlerTypes(Object.class, Object.class);
    }
    return raw.getGenericSuperclass() == null ? null : search(raw.getGenericSuperclass(), bound);
  }

  private static Type resolve(Type t, Map<TypeVariable<?>, Type> bound) {
    if (t instanceof TypeVariable<?> v) {
      return bound.getOrDefault(v, Object.class);
    }
    return t;
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
  }
}
