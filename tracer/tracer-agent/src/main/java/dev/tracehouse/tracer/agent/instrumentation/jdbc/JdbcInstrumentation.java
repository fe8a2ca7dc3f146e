package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.ClassFileMarkers;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import dev.tracehouse.tracer.core.jdbc.JdbcTracing;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * SQL spans for every JDBC driver (and pool): advice on the execute methods of every {@code
 * java.sql.Statement} implementation (and of abstract classes that declare them), on {@code
 * addBatch(String)}/{@code clearBatch()} (the SQL of a plain statement's batch), and on {@code
 * Connection#prepareStatement}/{@code prepareCall} (the SQL of a prepared statement). {@link
 * JdbcTracing} decides which execution makes a span.
 */
public final class JdbcInstrumentation implements AgentInstrumentation {

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice sqlArgumentAdvice =
        LazyAdvice.of(SqlArgumentAdvice.class, FinishAdvice.class, advice);
    LazyAdvice recordedSqlAdvice =
        LazyAdvice.of(RecordedSqlAdvice.class, FinishAdvice.class, advice);
    LazyAdvice addBatchAdvice = LazyAdvice.of(AddBatchAdvice.class, advice);
    LazyAdvice clearBatchAdvice = LazyAdvice.of(ClearBatchAdvice.class, advice);
    LazyAdvice prepareAdvice = LazyAdvice.of(PrepareAdvice.class, advice);
    String[] executeMethods = JdbcTracing.EXECUTE_METHODS.toArray(String[]::new);
    return builder
        .type(jdbcClass(implementationOf("java.sql.Statement", executeMethods)))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(
                        sqlArgumentAdvice
                            .get()
                            .on(instanceMethod(executeMethods).and(takesArgument(0, String.class))))
                    .visit(
                        recordedSqlAdvice
                            .get()
                            .on(instanceMethod(executeMethods).and(takesArguments(0))))
                    .visit(
                        addBatchAdvice
                            .get()
                            .on(instanceMethod("addBatch").and(takesArguments(String.class))))
                    .visit(
                        clearBatchAdvice
                            .get()
                            .on(instanceMethod("clearBatch").and(takesArguments(0)))))
        .type(jdbcClass(implementationOf("java.sql.Connection", "prepareStatement", "prepareCall")))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(
                    prepareAdvice
                        .get()
                        .on(
                            instanceMethod("prepareStatement", "prepareCall")
                                .and(takesArgument(0, String.class)))));
  }

  /**
   * {@code matcher}, asked only about classes whose class file mentions a {@code java.sql} type (a
   * driver's statement or connection class names {@code SQLException}, {@code ResultSet} …), so
   * that the application's other classes are not parsed to check their super types.
   */
  private static AgentBuilder.RawMatcher jdbcClass(ElementMatcher<TypeDescription> matcher) {
    return ClassFileMarkers.INSTANCE.whenContains(
        "java/sql/", new AgentBuilder.RawMatcher.ForElementMatchers(matcher));
  }

  /**
   * Classes implementing {@code jdbcInterface}, and abstract classes that declare one of {@code
   * methods}: drivers often implement the methods in an abstract base class that does not declare
   * the interface itself (sqlite-jdbc's {@code JDBC3Statement}). {@link JdbcTracing} ignores calls
   * on objects that are not statements.
   */
  private static ElementMatcher.Junction<TypeDescription> implementationOf(
      String jdbcInterface, String... methods) {
    return not(nameStartsWith("java."))
        .and(not(nameStartsWith("jdk.")))
        .and(not(nameStartsWith("sun.")))
        .and(not(isInterface()))
        .and(
            hasSuperType(named(jdbcInterface))
                .or(isAbstract().and(declaresMethod(instanceMethod(methods)))));
  }

  private static ElementMatcher.Junction<MethodDescription> instanceMethod(String... names) {
    return namedOneOf(names).and(not(isAbstract())).and(not(isStatic()));
  }
}
