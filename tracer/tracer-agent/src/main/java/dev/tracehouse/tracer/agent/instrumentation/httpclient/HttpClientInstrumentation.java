package dev.tracehouse.tracer.agent.instrumentation.httpclient;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.argument;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.enterState;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.returned;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.thrown;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.MethodHook;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Client spans for {@code java.net.http.HttpClient}. In JDK 17 {@code send} and both public {@code
 * sendAsync} methods go through the private 4-argument {@code HttpClientImpl#sendAsync}, into which
 * {@link HttpClientHooks} are woven with plain ASM (the request argument replaced by a copy with
 * the propagation headers).
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
  public List<TypeHooks> typeHooks() {
    return List.of(
        TypeHooks.named(
            Set.of(CLIENT_IMPL),
            MethodHook.on(
                    (access, name, descriptor) ->
                        (access & Opcodes.ACC_STATIC) == 0
                            && name.equals("sendAsync")
                            && Type.getArgumentTypes(descriptor).length == 4)
                .enter(HttpClientHooks.class, "start", argument(0))
                .replacing(0, HttpClientHooks.class, "request", enterState(), argument(0))
                .exit(HttpClientHooks.class, "finish", enterState(), returned(), thrown())));
  }
}
