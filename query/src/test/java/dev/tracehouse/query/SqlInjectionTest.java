package dev.tracehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.store.EventFilter;
import dev.tracehouse.store.SqlCondition;
import dev.tracehouse.store.SqlDialect;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile text in every place a query carries user text (values, phrases, keys, attribute paths,
 * tags, free text) never reaches the SQL text: it is a bound parameter, the search finds nothing
 * (no fixture holds such text) and both tables keep their rows.
 */
class SqlInjectionTest extends BothStores {

  private static final List<String> HOSTILE =
      List.of(
          "x' OR '1'='1",
          "'); DROP TABLE spans; --",
          "\\\"; DELETE FROM logs; --",
          "$.*') OR TRUE OR ('",
          "%' OR 1=1 --",
          "/../../meta",
          "~0~1'||'");

  static Stream<Arguments> hostileQueries() {
    return HOSTILE.stream()
        .flatMap(
            h -> {
              String word = RandomQueries.escape(h);
              String phrase = "\"" + h.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
              return Stream.of(
                  "service:" + word,
                  "service:" + phrase,
                  "service:" + word + "*",
                  word + ":x",
                  phrase + ":x",
                  "@" + word.replace(".", "\\.") + ":x",
                  "@http.url:" + phrase,
                  "tags:" + word,
                  word,
                  phrase,
                  "*" + word + "*");
            })
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileQueries")
  void hostileTextIsBoundNotSpliced(String query) {
    for (EventFilter<?> filter : List.of(SearchFilters.spans(query), SearchFilters.logs(query))) {
      SqlCondition sql = filter.toSql(SqlDialect.DUCKDB);
      for (String h : HOSTILE) {
        assertThat(sql.sql()).doesNotContain(h).doesNotContain("DROP").doesNotContain("DELETE");
      }
    }
    for (String store : stores.keySet()) {
      assertThat(spanIds(store, query)).isEmpty();
      assertThat(logIds(store, query)).isEmpty();
      assertThat(spanIds(store, "*")).hasSize(6);
      assertThat(logIds(store, "*")).hasSize(6);
    }
  }
}
