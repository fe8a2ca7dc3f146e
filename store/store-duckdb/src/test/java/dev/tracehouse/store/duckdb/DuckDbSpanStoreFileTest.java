package dev.tracehouse.store.duckdb;

import static dev.tracehouse.store.TestSpans.CAFE_PAIR;
import static dev.tracehouse.store.TestSpans.CAFE_PAIR_ID;
import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.Capabilities.Capability;
import dev.tracehouse.store.StoreException;
import dev.tracehouse.store.TraceQuery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lives in the file: durability across reopen, big ids, and the per-process lock. */
class DuckDbSpanStoreFileTest {
  /** The spans table's columns as the first version made them, for files made before a change. */
  private static final String FIRST_COLUMNS =
      "trace_high BIGINT NOT NULL, trace_low BIGINT NOT NULL, span_id BIGINT NOT NULL,"
          + " parent_id BIGINT NOT NULL, service VARCHAR NOT NULL, name VARCHAR NOT NULL,"
          + " resource VARCHAR NOT NULL, type VARCHAR NOT NULL, start_ns BIGINT NOT NULL,"
          + " duration_ns BIGINT NOT NULL, error BOOLEAN NOT NULL, meta VARCHAR NOT NULL,"
          + " metrics VARCHAR NOT NULL";

  @TempDir Path dir;

  @Test
  void reopen_keepsEverySpanWrittenBeforeClose() {
    Path file = dir.resolve("durable.duckdb");
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      assertThat(store.capabilities().has(Capability.DURABLE)).isTrue();
      store.writer().write(CAFE_PAIR);
    }

    try (DuckDbSpanStore reopened = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      assertThat(reopened.reader().trace(CAFE_PAIR_ID)).contains(CAFE_PAIR);
      assertThat(reopened.reader().services()).containsExactly("cafe", "taster");
    }
  }

  @Test
  void idsAtOrAbove2pow63_roundTripThroughTheFile() {
    Path file = dir.resolve("ids.duckdb");
    TraceId big = new TraceId(0x8000000000000001L, 0xfedcba9876543210L);
    Span root = span(big, 0x8000000000000000L, 0, "cafe", "root", T0, 10 * MS);
    Span child = span(big, -1L, 0x8000000000000000L, "cafe", "child", T0 + MS, MS);
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      store.writer().write(List.of(child, root));
    }

    try (DuckDbSpanStore reopened = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      assertThat(reopened.reader().trace(big)).contains(List.of(root, child));
      assertThat(reopened.reader().trace(TraceId.ofLow(big.low()))).contains(List.of(root, child));
      assertThat(reopened.reader().findTraces(TraceQuery.latest(5)))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.traceId()).isEqualTo(big);
                assertThat(s.rootName()).isEqualTo("root");
              });
    }
  }

  @Test
  void open_addsTheIngestTimeAndIndexedColumnsToAFileMadeBeforeThem() throws Exception {
    Path file = dir.resolve("older.duckdb");
    long start = System.currentTimeMillis() * MS;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE spans (" + FIRST_COLUMNS + ")");
      st.execute(
          "INSERT INTO spans VALUES (0, 77, 1, 0, 'old', 'op', 'res', '', "
              + start
              + ", 5, false, '{\"k\":\"v\"}', '{}')");
    }

    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      List<Span> old = store.reader().trace(TraceId.ofLow(77)).orElseThrow();
      assertThat(old).singleElement().satisfies(s -> assertThat(s.meta()).containsEntry("k", "v"));
      store.writer().write(CAFE_PAIR);
      store.writer().flush();
      assertThat(store.reader().trace(CAFE_PAIR_ID)).contains(CAFE_PAIR);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT ingest_ns, indexed FROM spans WHERE trace_low = 77")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(start);
      // Spans from before retention filters keep the full retention.
      assertThat(rs.getBoolean(2)).isTrue();
    }
  }

  @Test
  void open_fillsTheTypedTagColumnsOfAFileMadeBeforeThem_andWritesFillThemToo() throws Exception {
    Path file = dir.resolve("untyped.duckdb");
    long now = System.currentTimeMillis() * MS;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE spans ("
              + FIRST_COLUMNS
              + ", ingest_ns BIGINT NOT NULL, indexed BOOLEAN NOT NULL)");
      st.execute(
          "INSERT INTO spans VALUES (0, 77, 1, 0, 'old', 'op', 'res', '', 1, 5, false,"
              + " '{\"env\":\"prod\",\"http.status_code\":\"500\",\"k\":\"v\"}', '{}', "
              + now
              + ", true)");
    }
    Span written =
        new Span(
            new TraceId(0, 78),
            1,
            0,
            "new",
            "op",
            "res",
            "web",
            T0,
            MS,
            false,
            java.util.Map.of("_dd.hostname", "web-1", "http.method", "GET", "version", "1.2"),
            java.util.Map.of("http.status_code", 200.0));

    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      store.writer().write(List.of(written));
      store.writer().flush();
      assertThat(store.reader().trace(written.traceId())).contains(List.of(written));
      // The old row has its typed tags in both places: reading back does not change them.
      assertThat(store.reader().trace(TraceId.ofLow(77)).orElseThrow())
          .singleElement()
          .satisfies(
              s ->
                  assertThat(s.meta())
                      .isEqualTo(
                          java.util.Map.of("env", "prod", "http.status_code", "500", "k", "v")));
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT tag_env, tag_version, tag_hostname, tag_http_method,"
                    + " tag_http_status_code, meta FROM spans ORDER BY trace_low")) {
      assertThat(rs.next()).isTrue();
      assertThat(row(rs)).containsExactly("prod", null, null, null, "500");
      assertThat(rs.next()).isTrue();
      // A metric of the same name is not a meta: the column stays NULL, as the JSON path would.
      assertThat(row(rs)).containsExactly(null, "1.2", "web-1", "GET", null);
      // New rows keep the typed tags in their columns only.
      assertThat(rs.getString(6)).isEqualTo("{}");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void write_keepsTypedTagsOutOfTheMetaJson_andReadsThemBack() throws Exception {
    Path file = dir.resolve("typed.duckdb");
    Span span =
        span(new TraceId(0, 90), 1, 0, "cafe", "GET /menu", T0, MS)
            .withTags(
                java.util.Map.of(
                    "env", "prod", "http.method", "GET", "http.url", "/menu", "peer", "db"),
                java.util.Map.of("http.status_code", 200.0));
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      store.writer().write(List.of(span));
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT meta FROM spans WHERE trace_low = 90")) {
      assertThat(rs.next()).isTrue();
      assertThat(TagsJson.parseMeta(rs.getString(1)))
          .isEqualTo(java.util.Map.of("http.url", "/menu", "peer", "db"));
    }
    try (DuckDbSpanStore reopened = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      assertThat(reopened.reader().trace(span.traceId())).contains(List.of(span));
    }
  }

  private static List<String> row(ResultSet rs) throws java.sql.SQLException {
    List<String> values = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      values.add(rs.getString(i));
    }
    return values;
  }

  @Test
  void open_whenAnotherProcessHoldsTheFileNamesPathAndCause() throws Exception {
    Path file = dir.resolve("locked.duckdb");
    Process holder = startLockHolder(file);
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked");

      assertThatThrownBy(() -> DuckDbSpanStore.open(DuckDbOptions.at(file)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(file.toAbsolutePath().toString())
          .hasMessageContaining("another process holds its lock")
          .hasCauseInstanceOf(java.sql.SQLException.class);
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }
  }

  @Test
  void open_createsMissingParentDirectories() {
    Path file = dir.resolve("a/b/c/store.duckdb");
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      assertThat(store.check().ok()).isTrue();
    }
    assertThat(file).exists();
  }

  @Test
  void open_whenParentIsAFileNamesThePath() throws Exception {
    Path notADir = java.nio.file.Files.writeString(dir.resolve("plain"), "x");

    assertThatThrownBy(() -> DuckDbSpanStore.open(DuckDbOptions.at(notADir.resolve("s.duckdb"))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(notADir.toString());
  }

  @Test
  void check_failsAfterClose() {
    DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(dir.resolve("h.duckdb")));
    store.close();

    assertThat(store.check().ok()).isFalse();
    assertThat(store.check().detail()).contains("closed");
  }

  private static Process startLockHolder(Path file) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            LockHolder.class.getName(),
            file.toAbsolutePath().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
