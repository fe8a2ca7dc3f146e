package dev.tracehouse.store;

/** The SQL dialects a {@link EventFilter} may be asked to render. */
public enum SqlDialect {
  /** DuckDB 1.4: JSON functions with JSON-pointer paths, lists and lambdas, RE2 regexes. */
  DUCKDB
}
