package dev.tracehouse.tracer.agent.instrumentation.httpclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Client spans for {@code java.net.http.HttpClient}. In JDK 17 {@code send} and both public {@code
 * sendAsync} methods go through the private 4-argument {@code HttpClientImpl#sendAsync}.
 */
public final class HttpClientInstrumentation implements AgentInstrumentation {

  /** The module that must be able to read the tracer's classes. */
  public static final String MODULE = "java.net.http";

  private static final String CLIENT_IMPL = "jdk.internal.net.http.HttpClientImpl";

  @Override
  public String name() {
    return "httpclient";
  }

  @Override
  public Set<String> jdkTypes() {
    return Set.of(CLIENT_IMPL);
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice httpClientAdvice = LazyAdvice.of(HttpClientAdvice.class, advice);
    return builder
        .type(named(CLIENT_IMPL))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(httpClientAdvice.get().on(named("sendAsync").and(takesArguments(4)))));
  }
}
