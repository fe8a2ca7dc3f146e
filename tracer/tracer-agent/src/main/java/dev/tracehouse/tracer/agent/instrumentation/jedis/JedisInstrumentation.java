package dev.tracehouse.tracer.agent.instrumentation.jedis;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.argument;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.enterState;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.self;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.thrown;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.MethodHook;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Redis spans for Jedis 4 to 8: {@link JedisHooks} woven with plain ASM into {@code
 * redis.clients.jedis.Connection}'s {@code executeCommand(CommandObject)} and {@code
 * executeCommand(CommandArguments)} (a command and its reply) and {@code
 * sendCommand(CommandArguments)} (what pipelines and transactions send; inside {@code
 * executeCommand} it makes no second span).
 */
public final class JedisInstrumentation implements AgentInstrumentation {

  private static final Set<String> METHODS = Set.of("executeCommand", "sendCommand");
  private static final Set<String> ARGUMENTS =
      Set.of("(Lredis/clients/jedis/CommandObject;)", "(Lredis/clients/jedis/CommandArguments;)");

  @Override
  public String name() {
    return "jedis";
  }

  @Override
  public List<TypeHooks> typeHooks() {
    return List.of(
        TypeHooks.named(
            Set.of("redis.clients.jedis.Connection"),
            MethodHook.on(
                    (access, name, descriptor) ->
                        (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT)) == 0
                            && METHODS.contains(name)
                            && ARGUMENTS.contains(
                                descriptor.substring(0, descriptor.indexOf(')') + 1)))
                .enter(JedisHooks.class, "start", self(), argument(0))
                .exit(JedisHooks.class, "finish", enterState(), thrown())));
  }
}
