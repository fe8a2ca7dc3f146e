package dev.tracehouse.tracer.agent.instrumentation.javalin;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Route templates for Javalin 7 (on the servlet integration's server span): resource {@code GET
 * /beers/{name}} instead of {@code GET /beers/ipa}, tag {@code http.route}; requests that match no
 * route and answer 404 get the resource {@code 404}. {@code DD_TRACE_JAVALIN_ENABLED=false} turns
 * it off (the raw path stays the resource).
 */
public final class JavalinInstrumentation implements AgentInstrumentation {

  private static final String SERVLET_CONTEXT = "io.javalin.http.servlet.JavalinServletContext";

  @Override
  public String name() {
    return "javalin";
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice routeAdvice = LazyAdvice.of(RouteAdvice.class, advice);
    return builder
        .type(named(SERVLET_CONTEXT))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(
                    routeAdvice
                        .get()
                        .on(
                            named("update")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("io.javalin.router.Endpoint"))))));
  }
}
