package dev.tracehouse.tracer.agent.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.ClassFileMarkers;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Server spans for Jakarta Servlet 6 containers (Jetty 12 ee10, and so Javalin 7): advice on every
 * {@code HttpServlet#service(HttpServletRequest, HttpServletResponse)} implementation.
 */
public final class ServletInstrumentation implements AgentInstrumentation {

  private static final String HTTP_SERVLET = "jakarta.servlet.http.HttpServlet";

  /**
   * The descriptor of the advised {@code service} method: a class that declares it has this string
   * in its constant pool, so classes without it are skipped before Byte Buddy parses them.
   */
  private static final String SERVICE_DESCRIPTOR =
      "(Ljakarta/servlet/http/HttpServletRequest;Ljakarta/servlet/http/HttpServletResponse;)V";

  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice servletAdvice = LazyAdvice.of(ServletAdvice.class, advice);
    return builder
        .type(
            ClassFileMarkers.INSTANCE.whenContains(
                SERVICE_DESCRIPTOR,
                new AgentBuilder.RawMatcher.ForElementMatchers(
                    not(nameStartsWith("java."))
                        .and(not(nameStartsWith("jdk.")))
                        .and(not(nameStartsWith("sun.")))
                        .and(not(isInterface()))
                        .and(named(HTTP_SERVLET).or(hasSuperClass(named(HTTP_SERVLET)))))))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(
                    servletAdvice
                        .get()
                        .on(
                            named("service")
                                .and(not(isAbstract()))
                                .and(takesArguments(2))
                                .and(
                                    takesArgument(
                                        0, named("jakarta.servlet.http.HttpServletRequest")))
                                .and(
                                    takesArgument(
                                        1, named("jakarta.servlet.http.HttpServletResponse"))))));
  }
}
