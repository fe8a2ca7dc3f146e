package dev.tracehouse.tracer.agent.instrumentation.jedis;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.redis.RedisTracing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.args.Rawable;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Inlined into Jedis' {@code Connection#executeCommand}/{@code sendCommand}. Parameters are typed
 * {@code Object} because this class lives in the bootstrap class loader, which cannot see Jedis;
 * the casts run inside {@code Connection}, where they resolve.
 */
final class JedisAdvice {

  private JedisAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static CoreSpan enter(@Advice.This Object connection, @Advice.Argument(0) Object command) {
    CommandArguments arguments =
        command instanceof CommandObject
            ? ((CommandObject<?>) command).getArguments()
            : (CommandArguments) command;
    ProtocolCommand name = arguments.getCommand();
    HostAndPort address = ((Connection) connection).getHostAndPort();
    CoreSpan span =
        RedisTracing.start(
            GlobalTracer.get(),
            name instanceof Protocol.Command
                ? ((Protocol.Command) name).name()
                : new String(name.getRaw(), StandardCharsets.UTF_8),
            address == null ? null : address.getHost(),
            address == null ? 0 : address.getPort());
    if (span != null && RedisTracing.storesArguments()) {
      List<byte[]> parts = new ArrayList<>();
      for (Rawable part : arguments) {
        parts.add(part.getRaw());
      }
      RedisTracing.rawCommand(span, parts);
    }
    return span;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(@Advice.Enter CoreSpan span, @Advice.Thrown Throwable thrown) {
    RedisTracing.finish(span, thrown);
  }
}
