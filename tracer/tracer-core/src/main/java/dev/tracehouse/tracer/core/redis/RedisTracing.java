package dev.tracehouse.tracer.core.redis;

import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.TracerConfig;
import dev.tracehouse.tracer.core.TracerThreads;
import java.util.List;

/**
 * Redis client spans, one per command, as dd-java-agent's Jedis integration makes them: operation
 * {@code redis.command}, service {@code redis}, type {@code redis}, resource the command name
 * ({@code GET}, {@code ZINCRBY}), meta {@code db.type=redis}, {@code span.kind=client}, {@code
 * component=redis-command}, {@code out.host}/{@code peer.hostname}, metrics {@code out.port}/{@code
 * peer.port} and {@code _dd.measured=1}. Arguments are not stored unless {@code
 * DD_REDIS_COMMAND_ARGS=true} (then meta {@code redis.raw_command}, which the trace agent
 * obfuscates). Only the outermost call on a thread makes a span; the span is a child of the active
 * span and is not activated. No method throws.
 *
 * <p>The agent's Jedis advice calls these methods. By hand, wrap a command:
 *
 * <pre>{@code
 * CoreSpan span = RedisTracing.start(tracer, "ZINCRBY", "localhost", 6379);
 * Throwable error = null;
 * try { jedis.zincrby("donuts", 1, name); } catch (RuntimeException e) { error = e; throw e; }
 * finally { RedisTracing.finish(span, error); }
 * }</pre>
 */
public final class RedisTracing {

  static final String OPERATION = "redis.command";
  static final String REDIS = "redis";

  /**
   * {@code dd.redis.command.args} / {@code DD_REDIS_COMMAND_ARGS}: the name other Datadog tracers
   * use; dd-java-agent has no such setting and never stores arguments.
   */
  static final String COMMAND_ARGS = "dd.redis.command.args";

  private static final boolean STORES_ARGUMENTS = TracerConfig.flag(COMMAND_ARGS, false);

  /** Whether this thread is inside a traced command. */
  private static final ThreadLocal<boolean[]> IN_COMMAND =
      ThreadLocal.withInitial(() -> new boolean[1]);

  private RedisTracing() {}

  /**
   * Starts the span of one command, or returns {@code null} (nested call, tracer thread, no
   * tracehouse tracer). A span returned must be {@linkplain #finish finished} on the same thread:
   * until then no other command on the thread is traced.
   *
   * @param host the server's host, or {@code null}
   * @param port the server's port, or 0 when unknown
   */
  public static CoreSpan start(Tracer tracer, String command, String host, int port) {
    if (!(tracer instanceof CoreTracer) || TracerThreads.isInternal() || IN_COMMAND.get()[0]) {
      return null;
    }
    try {
      CoreSpan span = ((CoreTracer) tracer).startDetached(OPERATION);
      span.setType(REDIS)
          .setService(REDIS)
          .setTag("span.kind", "client")
          .setTag("component", "redis-command")
          .setTag("db.type", REDIS)
          .setTag("_dd.measured", 1);
      if (command != null && !command.isBlank()) {
        span.setResource(command);
      }
      if (host != null && !host.isBlank()) {
        span.setTag("out.host", host).setTag("peer.hostname", host);
      }
      if (port > 0) {
        span.setTag("out.port", port).setTag("peer.port", port);
      }
      IN_COMMAND.get()[0] = true;
      return span;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code DD_REDIS_COMMAND_ARGS} asks for {@link #rawCommand} to store the arguments. */
  public static boolean storesArguments() {
    return STORES_ARGUMENTS;
  }

  /**
   * Stores the command with its arguments ({@code SET beer ipa}) as meta {@code redis.raw_command}
   * when {@link #storesArguments()}; long arguments and commands are cut (see {@link RawCommand}).
   *
   * @param parts the command name followed by its arguments, as sent
   */
  public static void rawCommand(CoreSpan span, List<byte[]> parts) {
    if (span == null || !storesArguments()) {
      return;
    }
    try {
      span.setTag("redis.raw_command", RawCommand.format(parts));
    } catch (RuntimeException e) {
      // never into the application
    }
  }

  /** Marks the span failed when {@code error} is set and finishes it; ignores a null span. */
  public static void finish(CoreSpan span, Throwable error) {
    if (span == null) {
      return;
    }
    IN_COMMAND.get()[0] = false;
    if (error != null) {
      span.setError(error);
    }
    span.close();
  }
}
