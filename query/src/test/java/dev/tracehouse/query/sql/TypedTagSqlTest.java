package dev.tracehouse.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.query.SearchFilters;
import dev.tracehouse.store.SqlCondition;
import dev.tracehouse.store.SqlDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which tags the SQL reads from their typed columns (ADR 017). The DuckDB store keeps those tags
 * out of the meta JSON, so the agreement tests fail too if one reads the JSON; this names the key.
 */
class TypedTagSqlTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "env:prod, tag_env",
    "version:1.2, tag_version",
    "host:web-1, tag_hostname",
    "@http.method:GET, tag_http_method",
    "http.status_code:500, tag_http_status_code",
    "@http.status_code:>=500, tag_http_status_code",
    "span.kind:server, tag_span_kind",
    "component:okhttp, tag_component"
  })
  void typedTags_readTheirColumn_notTheMetaJson(String query, String column) {
    SqlCondition sql = SearchFilters.spans(query).toSql(SqlDialect.DUCKDB);

    assertThat(sql.sql()).contains(column).doesNotContain("json_extract_string(meta");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"team:payments, /team", "@http.url:*items*, /http.url"})
  void otherTags_readTheMetaJson_withTheKeyAsAParameter(String query, String pointer) {
    SqlCondition sql = SearchFilters.spans(query).toSql(SqlDialect.DUCKDB);

    assertThat(sql.sql()).contains("json_extract_string(meta, ?)").doesNotContain("tag_");
    assertThat(sql.params()).contains(pointer);
  }
}
