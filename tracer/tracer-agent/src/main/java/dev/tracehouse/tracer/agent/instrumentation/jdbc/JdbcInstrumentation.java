package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.argument;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.enterState;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.returned;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.self;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.thrown;
import static dev.tracehouse.tracer.core.jdbc.JdbcTracing.EXECUTE_METHODS;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.ClassFacts;
import dev.tracehouse.tracer.agent.instrumentation.MethodHook;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import dev.tracehouse.tracer.core.jdbc.JdbcTracing;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * SQL spans for every JDBC driver (and pool), woven with plain ASM ({@link JdbcHooks}): on the
 * public execute methods of every {@code java.sql.Statement} implementation (and of abstract
 * classes that declare them), a span from entry to every exit; on {@code addBatch(String)}/{@code
 * clearBatch()} (the SQL of a plain statement's batch) and on {@code Connection#prepareStatement}
 * /{@code prepareCall} (the SQL of a prepared statement) a call when they return. Only application
 * classes whose class file mentions a {@code java.sql} type (a driver's statement or connection
 * class names {@code SQLException}, {@code ResultSet} …) have their super types looked at. {@link
 * JdbcTracing} decides which execution makes a span.
 */
public final class JdbcInstrumentation implements AgentInstrumentation {

  private static final String SQL_FIRST = "(Ljava/lang/String;";

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<TypeHooks> typeHooks() {
    Set<String> execute = Set.copyOf(EXECUTE_METHODS);
    return List.of(
        TypeHooks.containing(
            "java/sql/",
            implementationOf("java/sql/Statement"),
            MethodHook.on(
                    MethodHook.Selector.publicInstance(execute).descriptorStartsWith(SQL_FIRST))
                .enter(JdbcHooks.class, "start", self(), argument(0))
                .exit(JdbcHooks.class, "finish", enterState(), thrown()),
            MethodHook.on(MethodHook.Selector.publicInstance(execute).descriptorStartsWith("()"))
                .enter(JdbcHooks.class, "startRecorded", self())
                .exit(JdbcHooks.class, "finish", enterState(), thrown()),
            MethodHook.on(
                    MethodHook.Selector.publicInstance(Set.of("addBatch"))
                        .descriptorStartsWith("(Ljava/lang/String;)"))
                .exit(JdbcHooks.class, "addBatch", self(), argument(0)),
            MethodHook.on(
                    MethodHook.Selector.publicInstance(Set.of("clearBatch"))
                        .descriptorStartsWith("()"))
                .exit(JdbcHooks.class, "clearBatch", self())),
        TypeHooks.containing(
            "java/sql/",
            implementationOf("java/sql/Connection"),
            MethodHook.on(
                    MethodHook.Selector.publicInstance(Set.of("prepareStatement", "prepareCall"))
                        .descriptorStartsWith(SQL_FIRST))
                .exit(JdbcHooks.class, "prepared", argument(0), returned())));
  }

  /**
   * Classes implementing {@code jdbcInterface}, and abstract classes (which get hooks only in the
   * selected methods they declare): drivers often implement the methods in an abstract base class
   * that does not declare the interface itself (sqlite-jdbc's {@code JDBC3Statement}). {@link
   * JdbcTracing} ignores calls on objects that are not statements. An abstract class whose methods
   * only share a name (sqlite-jdbc's package-private {@code DB#execute(String, boolean)}) is not
   * rewritten: the JDBC methods are public.
   */
  private static Predicate<ClassFacts> implementationOf(String jdbcInterface) {
    return facts ->
        !facts.isInterface() && (facts.isAbstract() || facts.hasSuperType(jdbcInterface));
  }
}
