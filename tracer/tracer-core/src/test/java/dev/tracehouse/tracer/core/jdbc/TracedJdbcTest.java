package dev.tracehouse.tracer.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.InMemoryWriter;
import dev.tracehouse.tracer.core.SpanData;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The JDBC integration by hand, against a real SQLite database file. */
class TracedJdbcTest {

  @TempDir Path dir;

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);
  private String url;
  private Connection raw;

  @BeforeEach
  void createDatabase() throws SQLException {
    url = "jdbc:sqlite:" + dir.resolve("cafe.db");
    raw = DriverManager.getConnection(url);
    try (Statement statement = raw.createStatement()) {
      statement.execute("create table beers (name text primary key, abv real)");
    }
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    raw.close();
  }

  @Test
  void statement_makesOneSqlSpanPerExecutionAsChildOfTheActiveSpan() throws SQLException {
    Connection connection = TracedJdbc.wrap(tracer, raw);
    try (CoreSpan parent = tracer.trace("cafe.order");
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("insert into beers values ('ipa', 6.5)");
      assertThat(tracer.activeSpan()).containsSame(parent);
    }

    List<SpanData> spans = writer.spans();
    assertThat(spans).hasSize(2);
    SpanData parent = spans.get(0);
    SpanData sql = spans.get(1);
    assertThat(sql.parentId()).isEqualTo(parent.spanId());
    assertThat(sql.name()).isEqualTo("sqlite.query");
    assertThat(sql.service()).isEqualTo("sqlite");
    assertThat(sql.type()).isEqualTo("sql");
    assertThat(sql.resource()).isEqualTo("insert into beers values ('ipa', 6.5)");
    assertThat(sql.error()).isZero();
    assertThat(sql.meta())
        .containsEntry("component", "java-jdbc-statement")
        .containsEntry("span.kind", "client")
        .containsEntry("db.type", "sqlite")
        .containsEntry("db.instance", dir.resolve("cafe.db").toString())
        .containsEntry("db.operation", "INSERT")
        .doesNotContainKeys("out.host", "db.user");
    assertThat(sql.metrics()).containsEntry("_dd.measured", 1.0);
  }

  @Test
  void preparedStatement_resourceIsThePreparedSqlForEveryExecution() throws SQLException {
    Connection connection = TracedJdbc.wrap(tracer, raw);
    try (PreparedStatement insert = connection.prepareStatement("insert into beers values (?, ?)");
        PreparedStatement select = connection.prepareStatement("select abv from beers")) {
      insert.setString(1, "ipa");
      insert.setDouble(2, 6.5);
      insert.executeUpdate();
      insert.setString(1, "stout");
      insert.addBatch();
      insert.executeBatch();
      try (ResultSet rows = select.executeQuery()) {
        assertThat(rows.next()).isTrue();
      }
    }

    assertThat(writer.spans())
        .extracting(SpanData::resource)
        .containsExactly(
            "insert into beers values (?, ?)",
            "insert into beers values (?, ?)",
            "select abv from beers");
    assertThat(writer.spans())
        .allSatisfy(
            span ->
                assertThat(span.meta()).containsEntry("component", "java-jdbc-prepared_statement"));
  }

  @Test
  void statementBatch_resourceIsTheBatchedTexts() throws SQLException {
    try (Statement statement = TracedJdbc.wrap(tracer, raw).createStatement()) {
      statement.addBatch("insert into beers values ('ipa', 6.5)");
      statement.addBatch("insert into beers values ('stout', 8)");
      statement.executeBatch();
      statement.addBatch("delete from beers");
      statement.clearBatch();
      statement.executeBatch();
    }

    assertThat(writer.spans())
        .extracting(SpanData::resource)
        .containsExactly(
            "insert into beers values ('ipa', 6.5); insert into beers values ('stout', 8)",
            "sqlite.query");
  }

  @Test
  void largeUpdates_areTracedLikeTheOthers() throws SQLException {
    Connection connection = TracedJdbc.wrap(tracer, raw);
    try (Statement statement = connection.createStatement();
        PreparedStatement delete = connection.prepareStatement("delete from beers")) {
      assertThat(statement.executeLargeUpdate("insert into beers values ('ipa', 6.5)")).isOne();
      assertThat(delete.executeLargeUpdate()).isOne();
    }

    assertThat(writer.spans())
        .extracting(SpanData::resource)
        .containsExactly("insert into beers values ('ipa', 6.5)", "delete from beers");
  }

  @Test
  void failingStatement_marksTheSpanAndRethrowsTheDriversException() throws SQLException {
    try (Statement statement = TracedJdbc.wrap(tracer, raw).createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("select * from wines"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no such table");
    }

    SpanData sql = writer.spans().get(0);
    assertThat(sql.error()).isEqualTo(1);
    assertThat(sql.meta().get("error.type")).isEqualTo("org.sqlite.SQLiteException");
    assertThat(sql.meta().get("error.message")).contains("no such table: wines");
  }

  @Test
  void dataSource_wrapsItsConnections() throws SQLException {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(url);
    try (Connection connection = TracedJdbc.wrap(tracer, dataSource).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("select 1");
    }

    assertThat(writer.spans()).extracting(SpanData::resource).containsExactly("select 1");
  }

  @Test
  void wrappedTwice_onlyTheOutermostExecutionMakesASpan() throws SQLException {
    Connection twice = TracedJdbc.wrap(tracer, TracedJdbc.wrap(tracer, raw));
    try (Statement statement = twice.createStatement()) {
      statement.execute("select 1");
    }

    assertThat(writer.spans()).hasSize(1);
  }

  @Test
  void connectionMetadata_isReadOncePerConnection() throws SQLException {
    AtomicInteger metadataReads = new AtomicInteger();
    Connection counting =
        (Connection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getMetaData")) {
                    metadataReads.incrementAndGet();
                  }
                  return method.invoke(raw, args);
                });
    Connection connection = TracedJdbc.wrap(tracer, counting);
    try (Statement statement = connection.createStatement()) {
      statement.execute("select 1");
      statement.execute("select 2");
      assertThat(statement.getConnection()).isSameAs(connection);
    }
    try (PreparedStatement statement = connection.prepareStatement("select 3")) {
      statement.execute();
    }

    assertThat(metadataReads).hasValue(1);
    assertThat(writer.spans()).hasSize(3);
  }
}
