package dev.tracehouse.tracer.agent.instrumentation.javalin;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.argument;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.self;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.MethodHook;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import java.util.List;
import java.util.Set;

/**
 * Route templates for Javalin 7 (on the servlet integration's server span): resource {@code GET
 * /beers/{name}} instead of {@code GET /beers/ipa}, tag {@code http.route}; requests that match no
 * route and answer 404 get the resource {@code 404}. {@code DD_TRACE_JAVALIN_ENABLED=false} turns
 * it off (the raw path stays the resource). Woven with plain ASM: {@link JavalinHooks#route} at the
 * start of {@code JavalinServletContext#update(Endpoint, Map)}.
 */
public final class JavalinInstrumentation implements AgentInstrumentation {

  private static final String SERVLET_CONTEXT = "io.javalin.http.servlet.JavalinServletContext";

  @Override
  public String name() {
    return "javalin";
  }

  @Override
  public List<TypeHooks> typeHooks() {
    return List.of(
        TypeHooks.named(
            Set.of(SERVLET_CONTEXT),
            MethodHook.on(
                    MethodHook.Selector.publicInstance(Set.of("update"))
                        .descriptorStartsWith("(Lio/javalin/router/Endpoint;Ljava/util/Map;)"))
                .enter(JavalinHooks.class, "route", self(), argument(0))));
  }
}
