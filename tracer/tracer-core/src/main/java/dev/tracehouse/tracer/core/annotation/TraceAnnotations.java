package dev.tracehouse.tracer.core.annotation;

import dev.tracehouse.tracer.Trace;
import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Spans for methods annotated with {@link Trace}, one per call, as dd-java-agent makes them:
 * operation name {@code trace.annotation} and resource {@code SimpleClassName.method} unless the
 * annotation says otherwise, meta {@code component=trace}, and an exception thrown out of the
 * method marks the span as failed. The agent's advice calls {@link #start} on entry and {@link
 * #finish} on exit; both never throw.
 */
public final class TraceAnnotations {

  static final String DEFAULT_OPERATION = "trace.annotation";

  /** Per class: method name + descriptor ({@code brew(Ljava/lang/String;)V}) to its settings. */
  private static final ClassValue<Map<String, TracedMethod>> METHODS =
      new ClassValue<>() {
        @Override
        protected Map<String, TracedMethod> computeValue(Class<?> type) {
          return tracedMethods(type);
        }
      };

  private TraceAnnotations() {}

  /**
   * Starts and activates the span of one call, or returns {@code null} when {@code tracer} is not a
   * tracehouse tracer or the method carries no {@link Trace}.
   *
   * @param type the class that declares the method
   * @param method the method's name followed by its descriptor, such as {@code brew(I)V}
   */
  public static CoreSpan start(Tracer tracer, Class<?> type, String method) {
    if (!(tracer instanceof CoreTracer core)) {
      return null;
    }
    try {
      TracedMethod traced = METHODS.get(type).get(method);
      if (traced == null) {
        return null;
      }
      CoreSpan span = core.trace(traced.operationName());
      span.setResource(traced.resource()).setTag("component", "trace");
      if (traced.service() != null) {
        span.setService(traced.service());
      }
      return span;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Records {@code thrown} (if any) and closes the span; a null span is ignored. */
  public static void finish(CoreSpan span, Throwable thrown) {
    if (span == null) {
      return;
    }
    try {
      if (thrown != null) {
        span.setError(thrown);
      }
    } finally {
      span.close();
    }
  }

  /** The annotated methods; none when the class's method signatures cannot be resolved. */
  private static Map<String, TracedMethod> tracedMethods(Class<?> type) {
    Method[] declared;
    try {
      declared = type.getDeclaredMethods();
    } catch (LinkageError e) {
      return Map.of();
    }
    Map<String, TracedMethod> methods = new HashMap<>();
    for (Method method : declared) {
      Trace trace = method.getAnnotation(Trace.class);
      if (trace != null) {
        String descriptor =
            MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                .toMethodDescriptorString();
        methods.put(method.getName() + descriptor, TracedMethod.of(type, method, trace));
      }
    }
    return methods;
  }

  /** The span settings of one annotated method; {@code service} is null for the tracer's. */
  private record TracedMethod(String operationName, String resource, String service) {

    static TracedMethod of(Class<?> type, Method method, Trace trace) {
      String operation =
          trace.operationName().isBlank() ? DEFAULT_OPERATION : trace.operationName();
      String resource =
          trace.resourceName().isBlank()
              ? simpleName(type) + "." + method.getName()
              : trace.resourceName();
      return new TracedMethod(
          operation, resource, trace.service().isBlank() ? null : trace.service());
    }

    private static String simpleName(Class<?> type) {
      String simple = type.getSimpleName();
      return simple.isEmpty()
          ? type.getName().substring(type.getName().lastIndexOf('.') + 1)
          : simple;
    }
  }
}
