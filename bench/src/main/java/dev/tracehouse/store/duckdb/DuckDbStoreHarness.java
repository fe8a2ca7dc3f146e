package dev.tracehouse.store.duckdb;

import dev.tracehouse.bench.spans.RealisticSpans;
import dev.tracehouse.model.Span;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreConfig;
import dev.tracehouse.store.StoreException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * How fast does the DuckDB store take realistic spans, at what CPU cost, and how many bytes does
 * each span take on disk? Writes {@code spans} {@link RealisticSpans} (after {@code warmup} more)
 * through the store's public writer with default settings, as the intake does (batches of 1,000,
 * waiting when the queue is full), closes the store, then reports spans/s, CPU per span (the writer
 * thread's, and the whole process's minus the generating thread's), file bytes per span and what
 * each column takes (each column copied alone into a new file). Run: {@code java -cp benchmarks.jar
 * dev.tracehouse.store.duckdb.DuckDbStoreHarness spans=2000000 dir=/tmp/x}.
 */
public final class DuckDbStoreHarness {

  private static final int BATCH = 1000;

  private DuckDbStoreHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> given = arguments(args);
    long spans = Long.parseLong(given.getOrDefault("spans", "2000000"));
    long warmup = Long.parseLong(given.getOrDefault("warmup", "200000"));
    Path dir = Files.createDirectories(Path.of(given.getOrDefault("dir", "target/harness")));
    Path file = dir.resolve("tracehouse.duckdb");
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir.resolve("tracehouse.duckdb.wal"));

    RealisticSpans source = new RealisticSpans(7, 100_000);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (SpanStore store =
        new DuckDbStoreProvider().create(new StoreConfig("duckdb", dir, Map.of()))) {
      write(store, source, warmup);
      store.writer().flush();
      long writerId = writerThreadId();
      long wall0 = System.nanoTime();
      long cpu0 = os.getProcessCpuTime();
      long writer0 = threads.getThreadCpuTime(writerId);
      long self0 = threads.getCurrentThreadCpuTime();
      write(store, source, spans);
      store.writer().flush();
      double wall = (System.nanoTime() - wall0) / 1e9;
      double generator = threads.getCurrentThreadCpuTime() - self0;
      double process = os.getProcessCpuTime() - cpu0 - generator;
      double writer = threads.getThreadCpuTime(writerId) - writer0;
      System.out.printf(
          "wrote %,d spans in %.1f s: %,.0f spans/s; CPU per span: writer thread %.2f µs,"
              + " process without the generator %.2f µs, generating thread (makes the spans and"
              + " calls write) %.2f µs%n",
          spans,
          wall,
          spans / wall,
          writer / 1e3 / spans,
          process / 1e3 / spans,
          generator / 1e3 / spans);
    }
    long total = spans + warmup;
    System.out.printf(
        "file %,d bytes = %.1f bytes/span over %,d spans%n",
        Files.size(file), (double) Files.size(file) / total, total);
    columnSizes(file, total);
  }

  private static void write(SpanStore store, RealisticSpans source, long spans) {
    for (long done = 0; done < spans; done += BATCH) {
      List<Span> batch = source.traces(BATCH / RealisticSpans.SPANS_PER_TRACE);
      while (!offered(store, batch)) {
        LockSupport.parkNanos(100_000);
      }
    }
  }

  /** Hands {@code batch} to the store's writer; false when its queue is full (try again). */
  static boolean offered(SpanStore store, List<Span> batch) {
    try {
      store.writer().write(batch);
      return true;
    } catch (StoreException e) {
      if (e.isOverCapacity()) {
        return false;
      }
      throw e;
    }
  }

  private static long writerThreadId() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("tracehouse-duckdb-writer"))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  /** Copies each column alone into a new file (same type and compression) and prints its size. */
  private static void columnSizes(Path file, long rows) throws SQLException, java.io.IOException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("ATTACH '" + file + "' AS src (READ_ONLY)");
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT c.column_name, c.data_type, max(s.compression)"
                  + " FROM duckdb_columns() c JOIN pragma_storage_info('src.spans') s"
                  + " ON s.column_name = c.column_name AND s.compression <> 'Constant'"
                  + " WHERE c.database_name = 'src' AND c.table_name = 'spans'"
                  + " GROUP BY ALL ORDER BY min(c.column_index)")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      long empty = copySize(st, "x INTEGER", null);
      for (String[] col : columns) {
        String using = col[2].equals("ZSTD") ? " USING COMPRESSION zstd" : "";
        long size = copySize(st, col[0] + " " + col[1] + using, col[0]) - empty;
        System.out.printf("  %-12s %-13s %6.1f bytes/span%n", col[0], col[2], (double) size / rows);
      }
    }
  }

  private static long copySize(Statement st, String column, String source)
      throws SQLException, java.io.IOException {
    Path copy = Files.createTempFile("column", ".duckdb");
    Files.delete(copy);
    st.execute("ATTACH '" + copy + "' AS col (STORAGE_VERSION 'v1.4.0', ROW_GROUP_SIZE 32768)");
    st.execute("CREATE TABLE col.t (" + column + ")");
    if (source != null) {
      st.execute("INSERT INTO col.t SELECT " + source + " FROM src.spans");
    }
    st.execute("DETACH col");
    long size = Files.size(copy);
    Files.delete(copy);
    return size;
  }

  /** {@code key=value} arguments. */
  static Map<String, String> arguments(String[] args) {
    Map<String, String> given = new TreeMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
      }
      given.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return given;
  }
}
