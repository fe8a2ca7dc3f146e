package dev.tracehouse.tracer.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.InMemoryWriter;
import dev.tracehouse.tracer.core.SpanData;
import java.lang.reflect.Proxy;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcTracingTest {

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  @ParameterizedTest
  @CsvSource({
    "'select * from beers', SELECT",
    "'  (SELECT 1)', SELECT",
    "'with x as (select 1) select * from x', WITH",
    "'123', ''",
  })
  void operation_isTheFirstWordInUpperCase(String sql, String operation) {
    assertThat(JdbcTracing.operation(sql)).isEqualTo(operation);
  }

  @Test
  void start_returnsNullWithoutTracehouseTracer() {
    assertThat(JdbcTracing.start(GlobalTracer.get(), statement(), "select 1")).isNull();
    JdbcTracing.finish(null, new IllegalStateException("ignored"));
  }

  /** A statement whose every method returns null: its connection is unknown. */
  private static Statement statement() {
    return (Statement)
        Proxy.newProxyInstance(
            JdbcTracingTest.class.getClassLoader(),
            new Class<?>[] {Statement.class},
            (proxy, method, args) -> null);
  }

  @Test
  void start_onSomethingThatIsNotAStatement_returnsNull() {
    assertThat(JdbcTracing.start(tracer, "not a statement", "select 1")).isNull();
    assertThat(JdbcTracing.startRecorded(tracer, new Object())).isNull();
    JdbcTracing.prepared(new Object(), "select 1");
    JdbcTracing.addBatch(new Object(), "select 1");
    assertThat(writer.spans()).isEmpty();
  }

  @Test
  void start_withoutConnection_tracesAsUnknownDatabase() {
    CoreSpan span = JdbcTracing.start(tracer, statement(), "select 1");
    JdbcTracing.finish(span, null);

    SpanData data = writer.spans().get(0);
    assertThat(data.name()).isEqualTo("jdbc.query");
    assertThat(data.service()).isEqualTo("jdbc");
    assertThat(data.resource()).isEqualTo("select 1");
    assertThat(data.meta()).containsEntry("db.type", "jdbc").doesNotContainKey("db.instance");
  }

  @Test
  void start_insideAnotherExecution_returnsNullUntilItFinishes() {
    CoreSpan outer = JdbcTracing.start(tracer, statement(), "select 1");

    assertThat(JdbcTracing.start(tracer, statement(), "select 2")).isNull();
    assertThat(JdbcTracing.startRecorded(tracer, statement())).isNull();
    JdbcTracing.finish(outer, null);
    CoreSpan next = JdbcTracing.start(tracer, statement(), "select 3");
    assertThat(next).isNotNull();
    JdbcTracing.finish(next, null);

    assertThat(writer.spans())
        .extracting(SpanData::resource)
        .containsExactly("select 1", "select 3");
  }

  @Test
  void startRecorded_withoutKnownSql_keepsTheOperationAsResource() {
    CoreSpan span = JdbcTracing.startRecorded(tracer, statement());
    JdbcTracing.finish(span, null);

    assertThat(writer.spans().get(0).resource()).isEqualTo("jdbc.query");
  }

  @Test
  void addBatch_keepsDistinctTextsUpToALimit() {
    Object statement = statement();
    for (int i = 0; i < StatementSql.MAX_BATCH_TEXTS + 5; i++) {
      JdbcTracing.addBatch(statement, "insert " + (i % (StatementSql.MAX_BATCH_TEXTS + 2)));
    }
    JdbcTracing.finish(JdbcTracing.startRecorded(tracer, statement), null);
    JdbcTracing.finish(JdbcTracing.startRecorded(tracer, statement), null);

    assertThat(writer.spans().get(0).resource())
        .startsWith("insert 0; insert 1; ")
        .endsWith("insert 9; ...");
    assertThat(writer.spans().get(1).resource()).isEqualTo("jdbc.query");
  }
}
