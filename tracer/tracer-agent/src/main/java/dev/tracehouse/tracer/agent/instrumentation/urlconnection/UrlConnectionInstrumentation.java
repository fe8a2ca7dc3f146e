package dev.tracehouse.tracer.agent.instrumentation.urlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Client spans for {@link java.net.HttpURLConnection} ({@code URL#openConnection} for http and
 * https): advice on the JDK's implementation {@code sun.net.www.protocol.http.HttpURLConnection}, a
 * bootstrap class usually loaded before the agent starts (the agent retransforms it). {@code
 * DD_TRACE_HTTPURLCONNECTION_ENABLED=false} turns it off.
 */
public final class UrlConnectionInstrumentation implements AgentInstrumentation {

  private static final String JDK_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

  @Override
  public String name() {
    return "httpurlconnection";
  }

  @Override
  public Set<String> jdkTypes() {
    return Set.of(JDK_CONNECTION);
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice requestAdvice = LazyAdvice.of(RequestAdvice.class, advice);
    LazyAdvice responseAdvice = LazyAdvice.of(ResponseAdvice.class, advice);
    return builder
        .type(named(JDK_CONNECTION))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(
                        requestAdvice
                            .get()
                            .on(
                                isPublic()
                                    .and(namedOneOf("connect", "getOutputStream"))
                                    .and(takesArguments(0))))
                    .visit(
                        responseAdvice
                            .get()
                            .on(isPublic().and(named("getInputStream")).and(takesArguments(0)))));
  }
}
