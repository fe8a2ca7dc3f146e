package dev.tracehouse.tracer.agent.instrumentation.servlet;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.argument;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.enterState;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.thrown;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.MethodHook;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * Server spans for Jakarta Servlet 6 containers (Jetty 12 ee10, and so Javalin 7): {@link
 * ServletHooks} woven with plain ASM into every {@code HttpServlet#service(HttpServletRequest,
 * HttpServletResponse)} implementation ({@code HttpServlet} itself and its subclasses).
 */
public final class ServletInstrumentation implements AgentInstrumentation {

  private static final String HTTP_SERVLET = "jakarta/servlet/http/HttpServlet";

  /**
   * The descriptor of the woven {@code service} method: a class that declares it has this string in
   * its constant pool, so other classes are skipped before anything is parsed.
   */
  private static final String SERVICE_DESCRIPTOR =
      "(Ljakarta/servlet/http/HttpServletRequest;Ljakarta/servlet/http/HttpServletResponse;)V";

  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public List<TypeHooks> typeHooks() {
    return List.of(
        TypeHooks.containing(
            SERVICE_DESCRIPTOR,
            facts ->
                !facts.isInterface()
                    && (facts.name().equals(HTTP_SERVLET) || facts.hasSuperClass(HTTP_SERVLET)),
            MethodHook.on(
                    (access, name, descriptor) ->
                        (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0
                            && name.equals("service")
                            && descriptor.equals(SERVICE_DESCRIPTOR))
                .enter(ServletHooks.class, "enter", argument(0))
                .exit(
                    ServletHooks.class, "exit", enterState(), argument(0), argument(1), thrown())));
  }
}
