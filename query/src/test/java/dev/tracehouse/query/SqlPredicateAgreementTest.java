package dev.tracehouse.query;

import static org.assertj.core.api.Assertions.fail;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: for random valid queries over random span sets, the in-memory predicate and the DuckDB
 * SQL select the same spans. 20 span sets of 40 spans (written through the DuckDB store), 500
 * queries each: 10,000 cases, evaluated by DuckDB 50 conditions per statement. The seed comes from
 * {@code -Dquery.property.seed} (default fixed) and is printed on failure.
 */
class SqlPredicateAgreementTest {

  private static final long SEED = Long.getLong("query.property.seed", 20_261_203L);
  private static final int SETS = 20;
  private static final int SPANS_PER_SET = 40;
  private static final int QUERIES_PER_SET = 500;
  private static final long SET_WIDTH = 1_000_000_000L;
  private static final int PER_STATEMENT = 50;

  @TempDir Path dir;

  @Test
  void predicateAndSqlAgreeOnRandomQueries() throws SQLException {
    Random random = new Random(SEED);
    List<List<Span>> sets = new ArrayList<>();
    Path file = dir.resolve("q.duckdb");
    try (SpanStore store = Fixtures.duckDb(dir)) {
      for (int s = 0; s < SETS; s++) {
        List<Span> spans = RandomSpans.batch(random, SPANS_PER_SET, Fixtures.T0 + s * SET_WIDTH);
        sets.add(spans);
        store.writer().write(spans);
      }
    }
    RandomQueries queries = new RandomQueries(random);
    int splits = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      for (int s = 0; s < SETS; s++) {
        List<String> texts = new ArrayList<>();
        List<EventFilter<Span>> filters = new ArrayList<>();
        for (int q = 0; q < QUERIES_PER_SET; q++) {
          texts.add(queries.query());
          filters.add(parse(texts.get(q), s, q));
        }
        for (int first = 0; first < QUERIES_PER_SET; first += PER_STATEMENT) {
          List<Set<Long>> sql = evaluate(c, s, filters.subList(first, first + PER_STATEMENT));
          for (int i = 0; i < PER_STATEMENT; i++) {
            int q = first + i;
            Set<Long> expected = new TreeSet<>();
            sets.get(s).stream()
                .filter(filters.get(q)::test)
                .forEach(x -> expected.add(x.spanId()));
            if (!expected.equals(sql.get(i))) {
              fail(report(s, q, texts.get(q), expected, sql.get(i), sets.get(s)));
            }
            splits += expected.isEmpty() || expected.size() == SPANS_PER_SET ? 0 : 1;
          }
        }
      }
    }
    if (splits < SETS * QUERIES_PER_SET / 10) {
      fail("seed " + SEED + ": only " + splits + " queries split a span set");
    }
  }

  /**
   * The span ids each filter selects in span set {@code set}, evaluated by DuckDB: one statement
   * selecting every filter's condition as a column (the same SQL a store puts in its WHERE).
   */
  private static List<Set<Long>> evaluate(Connection c, int set, List<EventFilter<Span>> filters)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT span_id");
    List<Object> params = new ArrayList<>();
    for (EventFilter<Span> f : filters) {
      SqlCondition condition = f.toSql(SqlDialect.DUCKDB);
      sql.append(", (").append(condition.sql()).append(")");
      params.addAll(condition.params());
    }
    sql.append(" FROM spans WHERE start_ns >= ? AND start_ns < ?");
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

  private static EventFilter<Span> parse(String query, int set, int index) {
    try {
      return SearchFilters.spans(query);
    } catch (IllegalArgumentException e) {
      throw new AssertionError(
          "seed "
              + SEED
              + ", set "
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

  private static String report(
      int set, int index, String query, Set<Long> expected, Set<Long> actual, List<Span> spans) {
    Set<Long> onlyPredicate = new TreeSet<>(expected);
    onlyPredicate.removeAll(actual);
    Set<Long> onlySql = new TreeSet<>(actual);
    onlySql.removeAll(expected);
    StringBuilder s = new StringBuilder();
    s.append("seed ").append(SEED).append(", set ").append(set).append(", query ").append(index);
    s.append(": [").append(query).append("]\n  predicate only: ").append(onlyPredicate);
    s.append("\n  SQL only: ").append(onlySql);
    for (Span span : spans) {
      if (onlyPredicate.contains(span.spanId()) || onlySql.contains(span.spanId())) {
        s.append("\n  ").append(span);
      }
    }
    return s.toString();
  }
}
