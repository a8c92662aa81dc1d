package dev.listeningpost.local.template;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.listeningpost.local.invoke.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a function's {@code Handler} ({@code pkg.Class} or {@code pkg.Class::method}) names code
 * the Lambda Java runtime can run from the function's artifact: the class is compiled in the
 * function's CodeUri module (sam build packages that module, so a class of a sibling module on this
 * test's classpath does not count), it can be constructed (public, concrete, public no-arg
 * constructor) and the method exists: {@code handleRequest} of {@link RequestHandler} or
 * {@link RequestStreamHandler} by default, otherwise a public method of that name with one of the
 * signatures the runtime accepts and a concrete event type (a generic {@code handleRequest(I, Context)}
 * named explicitly binds the event to the erased type, never to the handler's event type).
 */
final class HandlerCheck {
  private final Path root;
  private final ClassLoader loader;

  HandlerCheck(Path root, ClassLoader loader) {
    this.root = root;
    this.loader = loader;
  }

  /** What is wrong with the function's Handler; empty when the runtime would find it. */
  List<String> problems(FunctionSpec fn) {
    List<String> out = new ArrayList<>();
    String handler = fn.handler() == null ? "" : fn.handler().strip();
    String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    String method = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : null;
    String prefix = fn.logicalId() + " Handler '" + handler + "': ";
    if (!className.matches("([A-Za-z_$][\\w$]*\\.)*[A-Za-z_$][\\w$]*") || (method != null && method.isBlank())) {
      out.add(prefix + "not of the form pkg.Class or pkg.Class::method");
      return out;
    }
    Path classes = root.resolve(fn.codeUri()).resolve("target/classes");
    String classFile = className.replace('.', '/') + ".class";
    if (!Files.isRegularFile(classes.resolve(classFile))) {
      List<String> elsewhere = modulesCompiling(classFile);
      out.add(prefix + "class " + className + " is not compiled in its CodeUri " + fn.codeUri() + " (no "
          + root.relativize(classes.resolve(classFile)) + ")"
          + (elsewhere.isEmpty() ? "" : "; it is in " + String.join(", ", elsewhere)));
      return out;
    }
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      out.add(prefix + "class " + className + " does not load: " + e);
      return out;
    }
    out.addAll(constructionProblems(type).stream().map(p -> prefix + p).toList());
    String methodProblem = method == null ? defaultMethodProblem(type) : namedMethodProblem(type, method);
    if (methodProblem != null) {
      out.add(prefix + methodProblem);
    }
    return out;
  }

  private static List<String> constructionProblems(Class<?> type) {
    List<String> out = new ArrayList<>();
    int mods = type.getModifiers();
    if (type.isInterface() || Modifier.isAbstract(mods)) {
      out.add(type.getName() + " is abstract; the runtime instantiates the class itself");
    }
    if (!Modifier.isPublic(mods)) {
      out.add(type.getName() + " is not public");
    }
    try {
      if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
        out.add(type.getName() + " has no public no-arg constructor");
      }
    } catch (NoSuchMethodException e) {
      out.add(type.getName() + " has no public no-arg constructor");
    }
    return out;
  }

  private static String defaultMethodProblem(Class<?> type) {
    if (RequestHandler.class.isAssignableFrom(type)) {
      return concrete(type, "handleRequest", Object.class, Context.class) ? null
          : type.getName() + " does not implement handleRequest(I, Context)";
    }
    if (RequestStreamHandler.class.isAssignableFrom(type)) {
      return concrete(type, "handleRequest", InputStream.class, OutputStream.class, Context.class) ? null
          : type.getName() + " does not implement handleRequest(InputStream, OutputStream, Context)";
    }
    return type.getName() + " implements neither RequestHandler nor RequestStreamHandler, so the Handler must "
        + "name a method (pkg.Class::method)";
  }

  /** The runtime accepts (), (I), (I, Context), (InputStream, OutputStream) and (InputStream, OutputStream, Context). */
  private static String namedMethodProblem(Class<?> type, String name) {
    List<Method> named = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
    if (named.isEmpty()) {
      return type.getName() + " has no public method " + name;
    }
    List<Method> callable = named.stream().filter(m -> !Modifier.isAbstract(m.getModifiers()) && !m.isBridge()
        && runtimeSignature(m)).toList();
    if (callable.isEmpty()) {
      return type.getName() + "." + name + " has no signature the runtime calls: "
          + "(), (I), (I, Context), (InputStream, OutputStream) or (InputStream, OutputStream, Context)";
    }
    if (callable.stream().allMatch(m -> m.getGenericParameterTypes().length > 0
        && m.getGenericParameterTypes()[0] instanceof TypeVariable<?>)) {
      // The runtime binds the event to the method's declared parameter type, here an erased type
      // variable, not to the handler's event type (docs/deploy.md, Handler strings).
      return type.getName() + "." + name + " takes a generic event parameter the runtime cannot bind; "
          + "name the class alone";
    }
    return null;
  }

  private static boolean runtimeSignature(Method m) {
    Class<?>[] p = m.getParameterTypes();
    boolean streams = p.length >= 2 && p[0] == InputStream.class && p[1] == OutputStream.class;
    return switch (p.length) {
      case 0, 1 -> true;
      case 2 -> streams || p[1] == Context.class;
      case 3 -> streams && p[2] == Context.class;
      default -> false;
    };
  }

  private static boolean concrete(Class<?> type, String name, Class<?>... params) {
    try {
      return !Modifier.isAbstract(type.getMethod(name, params).getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The modules under functions/ whose classes hold the class file: for a helpful message. */
  private List<String> modulesCompiling(String classFile) {
    Path functions = root.resolve("functions");
    if (!Files.isDirectory(functions)) {
      return List.of();
    }
    try (Stream<Path> modules = Files.list(functions)) {
      return modules.filter(m -> Files.isRegularFile(m.resolve("target/classes").resolve(classFile)))
          .map(m -> root.relativize(m).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
