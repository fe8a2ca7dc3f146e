package dev.tracehouse.tracer.agent.instrumentation.jedis;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.redis.RedisTracing;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Called on entry to and exit from Jedis' {@code Connection#executeCommand}/{@code sendCommand}
 * (woven by {@link JedisInstrumentation}): one {@code redis.command} span per command. Jedis' types
 * are reached through method handles resolved in the connection's class loader (this class lives in
 * the bootstrap loader, which cannot see Jedis). Never throws. Not API: public because Jedis calls
 * it.
 */
public final class JedisHooks {
  private static final String PACKAGE = "redis.clients.jedis.";
  private static final String PROTOCOL_COMMAND = PACKAGE + "Protocol$Command";

  private static final ClassValue<JedisApi> BY_CONNECTION_CLASS =
      new ClassValue<>() {
        @Override
        protected JedisApi computeValue(Class<?> connectionClass) {
          try {
            return new JedisApi(connectionClass.getClassLoader());
          } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(connectionClass + " does not see Jedis", e);
          }
        }
      };

  private JedisHooks() {}

  /** On entry: the command's span, or {@code null}. */
  public static CoreSpan start(Object connection, Object command) {
    try {
      JedisApi jedis = BY_CONNECTION_CLASS.get(connection.getClass());
      Object arguments = jedis.arguments(command);
      Object name = jedis.command(arguments);
      Object address = jedis.hostAndPort(connection);
      CoreSpan span =
          RedisTracing.start(
              GlobalTracer.get(),
              name instanceof Enum && name.getClass().getName().equals(PROTOCOL_COMMAND)
                  ? ((Enum<?>) name).name()
                  : new String(jedis.raw(name), StandardCharsets.UTF_8),
              address == null ? null : jedis.host(address),
              address == null ? 0 : jedis.port(address));
      if (span != null && RedisTracing.storesArguments()) {
        List<byte[]> parts = new ArrayList<>();
        for (Object part : (Iterable<?>) arguments) {
          parts.add(jedis.raw(part));
        }
        RedisTracing.rawCommand(span, parts);
      }
      return span;
    } catch (Throwable e) {
      return null;
    }
  }

  /** On every exit: finishes the span, failed if the command threw. */
  public static void finish(CoreSpan span, Throwable thrown) {
    try {
      RedisTracing.finish(span, thrown);
    } catch (Throwable e) {
      // never into the application
    }
  }

  /** The Jedis methods the hooks call, typed with {@code Object} for Jedis' types. */
  private static final class JedisApi {
    private final Class<?> commandObject;
    private final MethodHandle getArguments;
    private final MethodHandle getCommand;
    private final MethodHandle getRaw;
    private final MethodHandle getHostAndPort;
    private final MethodHandle getHost;
    private final MethodHandle getPort;

    JedisApi(ClassLoader loader) throws ReflectiveOperationException {
      commandObject = Class.forName(PACKAGE + "CommandObject", false, loader);
      Class<?> commandArguments = Class.forName(PACKAGE + "CommandArguments", false, loader);
      Class<?> protocolCommand = Class.forName(PACKAGE + "commands.ProtocolCommand", false, loader);
      Class<?> rawable = Class.forName(PACKAGE + "args.Rawable", false, loader);
      Class<?> connection = Class.forName(PACKAGE + "Connection", false, loader);
      Class<?> hostAndPort = Class.forName(PACKAGE + "HostAndPort", false, loader);
      getArguments = handle(commandObject, "getArguments", commandArguments);
      getCommand = handle(commandArguments, "getCommand", protocolCommand);
      getRaw = handle(rawable, "getRaw", byte[].class);
      getHostAndPort = handle(connection, "getHostAndPort", hostAndPort);
      getHost = handle(hostAndPort, "getHost", String.class);
      getPort = handle(hostAndPort, "getPort", int.class);
    }

    /**
     * A {@code CommandObject}'s arguments, or {@code command} itself (a {@code CommandArguments}).
     */
    Object arguments(Object command) throws Throwable {
      return commandObject.isInstance(command)
          ? (Object) getArguments.invokeExact(command)
          : command;
    }

    Object command(Object arguments) throws Throwable {
      return (Object) getCommand.invokeExact(arguments);
    }

    byte[] raw(Object rawable) throws Throwable {
      return (byte[]) getRaw.invokeExact(rawable);
    }

    Object hostAndPort(Object connection) throws Throwable {
      return (Object) getHostAndPort.invokeExact(connection);
    }

    String host(Object hostAndPort) throws Throwable {
      return (String) getHost.invokeExact(hostAndPort);
    }

    int port(Object hostAndPort) throws Throwable {
      return (int) getPort.invokeExact(hostAndPort);
    }

    /** {@code owner#name()} typed {@code (Object)R}, with {@code R} erased unless JDK-visible. */
    private static MethodHandle handle(Class<?> owner, String name, Class<?> returnType)
        throws ReflectiveOperationException {
      Class<?> erased =
          returnType.isPrimitive() || returnType == String.class || returnType == byte[].class
              ? returnType
              : Object.class;
      return MethodHandles.publicLookup()
          .findVirtual(owner, name, MethodType.methodType(returnType))
          .asType(MethodType.methodType(erased, Object.class));
    }
  }
}
