package dev.tracehouse.tracer.agent.instrumentation.jedis;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Redis spans for Jedis 4 to 8: advice on {@code redis.clients.jedis.Connection}'s {@code
 * executeCommand(CommandObject)} and {@code executeCommand(CommandArguments)} (a command and its
 * reply) and {@code sendCommand(CommandArguments)} (what pipelines and transactions send; inside
 * {@code executeCommand} it makes no second span).
 */
public final class JedisInstrumentation implements AgentInstrumentation {

  private static final String PACKAGE = "redis.clients.jedis.";

  @Override
  public String name() {
    return "jedis";
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice jedisAdvice = LazyAdvice.of(JedisAdvice.class, advice);
    return builder
        .type(named(PACKAGE + "Connection"))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(
                    jedisAdvice
                        .get()
                        .on(
                            namedOneOf("executeCommand", "sendCommand")
                                .and(takesArguments(1))
                                .and(
                                    takesArgument(
                                        0,
                                        namedOneOf(
                                            PACKAGE + "CommandObject",
                                            PACKAGE + "CommandArguments"))))));
  }
}
