package dev.tracehouse.query;

import static org.assertj.core.api.Assertions.fail;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.model.Span;
import dev.tracehouse.store.EventFilter;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.SqlCondition;
import dev.tracehouse.store.SqlDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: for random valid queries over random event sets, the in-memory predicate and the DuckDB
 * SQL select the same events. Events are written through the DuckDB store; DuckDB then evaluates 50
 * conditions per statement (the same SQL a store puts in its WHERE). Spans: 20 sets of 40, 500
 * queries each (10,000 cases); logs: 8 sets of 40, 500 queries each (4,000 cases). The seed comes
 * from {@code -Dquery.property.seed} (default fixed) and is printed on failure.
 */
class SqlPredicateAgreementTest {

  private static final long SEED = Long.getLong("query.property.seed", 20_261_203L);
  private static final int EVENTS_PER_SET = 40;
  private static final int QUERIES_PER_SET = 500;
  private static final int PER_STATEMENT = 50;
  private static final long SET_WIDTH = 1_000_000_000L;

  /** Random events of one kind. */
  @FunctionalInterface
  interface Generator<E> {
    List<E> batch(Random random, int count, long start);
  }

  /**
   * How to test one event kind.
   *
   * @param table the logical table
   * @param timeColumn its timestamp column
   * @param sets how many event sets
   * @param events the event generator
   * @param write how events reach the store
   * @param parse the query → filter function under test
   * @param id the event's fixture id (its span id)
   * @param vocabulary what random queries talk about
   */
  record Kind<E>(
      String table,
      String timeColumn,
      int sets,
      Generator<E> events,
      BiConsumer<SpanStore, List<E>> write,
      Function<String, EventFilter<E>> parse,
      ToLongFunction<E> id,
      RandomQueries.Vocabulary vocabulary) {}

  @TempDir Path dir;

  @Test
  void spans_predicateAndSqlAgreeOnRandomQueries() throws SQLException {
    check(
        new Kind<Span>(
            "spans",
            "start_ns",
            20,
            RandomSpans::batch,
            (store, spans) -> {
              store.writer().write(spans);
              store.writer().flush();
            },
            SearchFilters::spans,
            Span::spanId,
            RandomQueries.SPANS));
  }

  @Test
  void logs_predicateAndSqlAgreeOnRandomQueries() throws SQLException {
    check(
        new Kind<LogEvent>(
            "logs",
            "ts_ns",
            8,
            RandomLogs::batch,
            (store, logs) -> store.logs().orElseThrow().writer().write(logs),
            SearchFilters::logs,
            LogEvent::spanId,
            RandomLogs.LOGS));
  }

  private <E> void check(Kind<E> kind) throws SQLException {
    Random random = new Random(SEED);
    List<List<E>> sets = new ArrayList<>();
    Path file = dir.resolve("q.duckdb");
    try (SpanStore store = Fixtures.duckDb(dir)) {
      for (int s = 0; s < kind.sets(); s++) {
        List<E> events = kind.events().batch(random, EVENTS_PER_SET, Fixtures.T0 + s * SET_WIDTH);
        sets.add(events);
        kind.write().accept(store, events);
      }
    }
    RandomQueries queries = new RandomQueries(random, kind.vocabulary());
    int splits = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      for (int s = 0; s < kind.sets(); s++) {
        List<String> texts = new ArrayList<>();
        List<EventFilter<E>> filters = new ArrayList<>();
        for (int q = 0; q < QUERIES_PER_SET; q++) {
          texts.add(queries.query());
          filters.add(parse(kind, texts.get(q), s, q));
        }
        for (int first = 0; first < QUERIES_PER_SET; first += PER_STATEMENT) {
          List<Set<Long>> sql = evaluate(c, kind, s, filters.subList(first, first + PER_STATEMENT));
          for (int i = 0; i < PER_STATEMENT; i++) {
            int q = first + i;
            Set<Long> expected = new TreeSet<>();
            for (E event : sets.get(s)) {
              if (filters.get(q).test(event)) {
                expected.add(kind.id().applyAsLong(event));
              }
            }
            if (!expected.equals(sql.get(i))) {
              fail(report(kind, s, q, texts.get(q), expected, sql.get(i), sets.get(s)));
            }
            splits += expected.isEmpty() || expected.size() == EVENTS_PER_SET ? 0 : 1;
          }
        }
      }
    }
    if (splits < kind.sets() * QUERIES_PER_SET / 10) {
      fail("seed " + SEED + ": only " + splits + " queries split a " + kind.table() + " set");
    }
  }

  /** The ids each filter selects in set {@code set}, evaluated by DuckDB in one statement. */
  private static <E> List<Set<Long>> evaluate(
      Connection c, Kind<E> kind, int set, List<EventFilter<E>> filters) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT span_id");
    List<Object> params = new ArrayList<>();
    for (EventFilter<E> f : filters) {
      SqlCondition condition = f.toSql(SqlDialect.DUCKDB);
      sql.append(", (").append(condition.sql()).append(")");
      params.addAll(condition.params());
    }
    sql.append(" FROM ").append(kind.table());
    sql.append(" WHERE ").append(kind.timeColumn()).append(" >= ? AND ");
    sql.append(kind.timeColumn()).append(" < ?");
    long from = Fixtures.T0 + set * SET_WIDTH;
    params.add(from);
    params.add(from + SET_WIDTH);
    List<Set<Long>> selected = new ArrayList<>();
    filters.forEach(f -> selected.add(new TreeSet<>()));
    try (PreparedStatement st = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        st.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          for (int i = 0; i < filters.size(); i++) {
            if (rs.getBoolean(i + 2)) {
              selected.get(i).add(rs.getLong(1));
            }
          }
        }
      }
    }
    return selected;
  }

  private static <E> EventFilter<E> parse(Kind<E> kind, String query, int set, int index) {
    try {
      return kind.parse().apply(query);
    } catch (IllegalArgumentException e) {
      throw new AssertionError(
          "seed "
              + SEED
              + ", "
              + kind.table()
              + " set "
              + set
              + ", query "
              + index
              + ": generated query ["
              + query
              + "] does not parse: "
              + e.getMessage(),
          e);
    }
  }

  private static <E> String report(
      Kind<E> kind,
      int set,
      int index,
      String query,
      Set<Long> expected,
      Set<Long> actual,
      List<E> events) {
    Set<Long> onlyPredicate = new TreeSet<>(expected);
    onlyPredicate.removeAll(actual);
    Set<Long> onlySql = new TreeSet<>(actual);
    onlySql.removeAll(expected);
    StringBuilder s = new StringBuilder("seed " + SEED + ", " + kind.table() + " set " + set);
    s.append(", query ").append(index).append(": [").append(query).append("]");
    s.append("\n  predicate only: ").append(onlyPredicate);
    s.append("\n  SQL only: ").append(onlySql);
    for (E event : events) {
      long id = kind.id().applyAsLong(event);
      if (onlyPredicate.contains(id) || onlySql.contains(id)) {
        s.append("\n  ").append(event);
      }
    }
    return s.toString();
  }
}
