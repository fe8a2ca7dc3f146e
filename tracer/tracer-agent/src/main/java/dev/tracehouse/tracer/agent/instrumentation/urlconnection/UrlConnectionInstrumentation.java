package dev.tracehouse.tracer.agent.instrumentation.urlconnection;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.enterState;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.field;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.self;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.thrown;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.MethodHook;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import java.util.List;
import java.util.Set;

/**
 * Client spans for {@link java.net.HttpURLConnection} ({@code URL#openConnection} for http and
 * https): hooks in the JDK's implementation {@code sun.net.www.protocol.http.HttpURLConnection}, a
 * bootstrap class usually loaded before the agent starts (the weaver retransforms it), woven with
 * plain ASM: {@link UrlConnectionSpans} on entry to and exit from {@code connect()}, {@code
 * getOutputStream()} and {@code getInputStream()}, given the connection's protected {@code
 * connected} and {@code responseCode} fields. {@code DD_TRACE_HTTPURLCONNECTION_ENABLED=false}
 * turns it off.
 */
public final class UrlConnectionInstrumentation implements AgentInstrumentation {

  private static final String JDK_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

  @Override
  public String name() {
    return "httpurlconnection";
  }

  @Override
  public List<TypeHooks> typeHooks() {
    return List.of(
        TypeHooks.named(
            Set.of(JDK_CONNECTION),
            hook(Set.of("connect", "getOutputStream"), "requestExit"),
            hook(Set.of("getInputStream"), "responseExit")));
  }

  private static MethodHook hook(Set<String> methods, String exit) {
    return MethodHook.on(MethodHook.Selector.publicInstance(methods).descriptorStartsWith("()"))
        .enter(UrlConnectionSpans.class, "enter", self(), field("connected", "Z"))
        .exit(
            UrlConnectionSpans.class,
            exit,
            enterState(),
            self(),
            field("responseCode", "I"),
            thrown());
  }
}
