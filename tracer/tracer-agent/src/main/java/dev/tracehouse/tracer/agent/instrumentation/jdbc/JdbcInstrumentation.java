package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import static dev.tracehouse.tracer.core.jdbc.JdbcTracing.EXECUTE_METHODS;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
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
import java.util.List;
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
    ElementMatcher.Junction<MethodDescription> withSql =
        instanceMethod(EXECUTE_METHODS).and(takesArgument(0, String.class));
    ElementMatcher.Junction<MethodDescription> withRecordedSql =
        instanceMethod(EXECUTE_METHODS).and(takesArguments(0));
    ElementMatcher.Junction<MethodDescription> addBatch =
        instanceMethod("addBatch").and(takesArguments(String.class));
    ElementMatcher.Junction<MethodDescription> clearBatch =
        instanceMethod("clearBatch").and(takesArguments(0));
    ElementMatcher.Junction<MethodDescription> prepare =
        instanceMethod("prepareStatement", "prepareCall").and(takesArgument(0, String.class));
    return builder
        .type(
            jdbcClass(
                implementationOf(
                    "java.sql.Statement", withSql.or(withRecordedSql).or(addBatch).or(clearBatch))))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(sqlArgumentAdvice.get().on(withSql))
                    .visit(recordedSqlAdvice.get().on(withRecordedSql))
                    .visit(addBatchAdvice.get().on(addBatch))
                    .visit(clearBatchAdvice.get().on(clearBatch)))
        .type(jdbcClass(implementationOf("java.sql.Connection", prepare)))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(prepareAdvice.get().on(prepare)));
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
   * Classes implementing {@code jdbcInterface}, and abstract classes that declare one of the
   * advised {@code methods}: drivers often implement the methods in an abstract base class that
   * does not declare the interface itself (sqlite-jdbc's {@code JDBC3Statement}). {@link
   * JdbcTracing} ignores calls on objects that are not statements. An abstract class whose methods
   * only share a name (sqlite-jdbc's package-private {@code DB#execute(String, boolean)}) is not
   * rewritten: the JDBC methods are public.
   */
  private static ElementMatcher.Junction<TypeDescription> implementationOf(
      String jdbcInterface, ElementMatcher<MethodDescription> methods) {
    return not(nameStartsWith("java."))
        .and(not(nameStartsWith("jdk.")))
        .and(not(nameStartsWith("sun.")))
        .and(not(isInterface()))
        .and(hasSuperType(named(jdbcInterface)).or(isAbstract().and(declaresMethod(methods))));
  }

  private static ElementMatcher.Junction<MethodDescription> instanceMethod(String... names) {
    return namedOneOf(names).and(isPublic()).and(not(isAbstract())).and(not(isStatic()));
  }

  private static ElementMatcher.Junction<MethodDescription> instanceMethod(List<String> names) {
    return instanceMethod(names.toArray(String[]::new));
  }
}
