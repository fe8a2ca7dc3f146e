package dev.tracehouse.tracer.core.jdbc;

import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.TracerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What does tracing one JDBC execution add? {@code statementSpan} and {@code preparedSpan} are what
 * the agent's advice runs around an execution ({@link JdbcTracing#start} / {@link
 * JdbcTracing#startRecorded} and {@link JdbcTracing#finish}: connection info from the weak cache,
 * prepared SQL lookup, tags, a root span whose trace is queued and dropped off-thread because the
 * agent port is closed). Baseline: {@code selectOne}, the cheapest real execution (a prepared
 * {@code select 1} on an in-memory SQLite database); {@code selectOneWrapped} is the same through
 * {@link TracedJdbc}'s proxies (the by-hand path).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcTracingBenchmark {

  private static final String SQL = "select name, abv from beers where name = 'ipa'";

  private CoreTracer tracer;
  private Connection connection;
  private Statement statement;
  private PreparedStatement selectOne;
  private PreparedStatement selectOneWrapped;

  @Setup
  public void setUp() throws IOException, SQLException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    tracer = CoreTracer.create(new TracerConfig("bench", "bench", "1", "127.0.0.1", closedPort));
    connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    statement = connection.createStatement();
    selectOne = connection.prepareStatement("select 1");
    JdbcTracing.prepared(selectOne, "select 1");
    selectOneWrapped = TracedJdbc.wrap(tracer, connection).prepareStatement("select 1");
  }

  @TearDown
  public void tearDown() throws SQLException {
    connection.close();
    tracer.close();
  }

  @Benchmark
  public void statementSpan() {
    JdbcTracing.finish(JdbcTracing.start(tracer, statement, SQL), null);
  }

  @Benchmark
  public void preparedSpan() {
    JdbcTracing.finish(JdbcTracing.startRecorded(tracer, selectOne), null);
  }

  @Benchmark
  public int selectOne() throws SQLException {
    return readOne(selectOne);
  }

  @Benchmark
  public int selectOneWrapped() throws SQLException {
    return readOne(selectOneWrapped);
  }

  private static int readOne(PreparedStatement select) throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getInt(1) : -1;
    }
  }
}
