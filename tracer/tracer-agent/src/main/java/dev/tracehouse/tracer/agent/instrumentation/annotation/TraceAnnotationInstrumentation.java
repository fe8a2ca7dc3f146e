package dev.tracehouse.tracer.agent.instrumentation.annotation;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.tracehouse.tracer.Trace;
import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.ClassFileMarkers;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A span per call of every method annotated with {@code dev.tracehouse.tracer.Trace}, in any class
 * the application loads (not in JDK classes). {@code DD_TRACE_ANNOTATIONS_ENABLED=false} turns it
 * off.
 */
public final class TraceAnnotationInstrumentation implements AgentInstrumentation {

  /** Every class with an annotated method names the annotation type in its constant pool. */
  private static final String ANNOTATION_DESCRIPTOR =
      "L" + Trace.class.getName().replace('.', '/') + ";";

  private static final ElementMatcher.Junction<MethodDescription> TRACED =
      isAnnotatedWith(named(Trace.class.getName())).and(not(isAbstract())).and(not(isNative()));

  @Override
  public String name() {
    return "annotations";
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice traceAdvice = LazyAdvice.of(TraceAdvice.class, advice);
    return builder
        .type(
            ClassFileMarkers.INSTANCE.whenContains(
                ANNOTATION_DESCRIPTOR,
                new AgentBuilder.RawMatcher.ForElementMatchers(
                    not(nameStartsWith("java."))
                        .and(not(nameStartsWith("jdk.")))
                        .and(not(nameStartsWith("sun.")))
                        .and(not(nameStartsWith("com.sun.")))
                        .and(declaresMethod(TRACED)),
                    not(isBootstrapClassLoader()))))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(traceAdvice.get().on(TRACED)));
  }
}
