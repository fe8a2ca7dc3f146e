package dev.tracehouse.tracer.agent.instrumentation.annotation;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.enterState;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.originClass;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.originMethod;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.thrown;

import dev.tracehouse.tracer.Trace;
import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.MethodHook;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * A span per call of every method annotated with {@code dev.tracehouse.tracer.Trace}, in any class
 * the application loads (not in JDK classes, not in classes of the bootstrap loader). {@code
 * DD_TRACE_ANNOTATIONS_ENABLED=false} turns it off. Woven with plain ASM: {@link TraceHooks} on
 * entry and at every exit (return or throw); the class and the method's name and descriptor are
 * constants of the woven method, so a call costs no reflection.
 */
public final class TraceAnnotationInstrumentation implements AgentInstrumentation {

  /** Every class with an annotated method names the annotation type in its constant pool. */
  private static final String ANNOTATION_DESCRIPTOR =
      "L" + Trace.class.getName().replace('.', '/') + ";";

  @Override
  public String name() {
    return "annotations";
  }

  @Override
  public List<TypeHooks> typeHooks() {
    return List.of(
        TypeHooks.containing(
            ANNOTATION_DESCRIPTOR,
            facts -> true,
            MethodHook.on(
                    (access, name, descriptor) ->
                        (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
                            && !name.startsWith("<"))
                .annotatedWith(ANNOTATION_DESCRIPTOR)
                .enter(TraceHooks.class, "start", originClass(), originMethod())
                .exit(TraceHooks.class, "finish", enterState(), thrown())));
  }
}
