package dev.tracehouse.query.sql;

import dev.tracehouse.query.plan.Source;
import dev.tracehouse.query.plan.TextRules;
import dev.tracehouse.store.SqlExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * The DuckDB expressions of an analytics field (the sources of a key, see {@code
 * SpanPlanner.sources}): its text, for group keys and {@code cardinality}, and its number, for
 * measures. Every key and path is a parameter. The rules match {@code analytics.FieldValues}: the
 * first source with a value wins; numbers as text: from 10<sup>15</sup> on {@code printf('%.6e')},
 * below it whole numbers when integral, else {@code printf('%.6f')} without trailing zeros; only
 * finite numbers count.
 */
public final class FieldSql {

  private FieldSql() {}

  /** The text of the first source that has one, NULL when none. */
  public static SqlExpression text(List<Source> sources) {
    return coalesce(sources, FieldSql::textOf);
  }

  /** The first finite number among the sources (numeric text included), NULL when none. */
  public static SqlExpression number(List<Source> sources) {
    return coalesce(sources, FieldSql::numberOf);
  }

  private interface Part {
    void append(Sources.Expr expr, StringBuilder sql, List<Object> params);
  }

  private static SqlExpression coalesce(List<Source> sources, Part part) {
    StringBuilder sql = new StringBuilder("coalesce(");
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Sources.Expr expr = Sources.of(sources.get(i));
      if (expr.list()) {
        throw new IllegalArgumentException("not a span field source: " + sources.get(i));
      }
      sql.append(i == 0 ? "" : ", ");
      part.append(expr, sql, params);
    }
    return new SqlExpression(sql.append(")").toString(), params);
  }

  private static void textOf(Sources.Expr e, StringBuilder sql, List<Object> params) {
    if (!e.numeric()) {
      use(e, sql, params);
      return;
    }
    sql.append("CASE WHEN isfinite(");
    use(e, sql, params);
    sql.append(") THEN CASE WHEN abs(");
    use(e, sql, params);
    sql.append(") >= 1e15 THEN printf('%.6e', ");
    use(e, sql, params);
    sql.append(") WHEN ");
    use(e, sql, params);
    sql.append(" = trunc(");
    use(e, sql, params);
    sql.append(") THEN CAST(CAST(");
    use(e, sql, params);
    sql.append(" AS BIGINT) AS VARCHAR) ELSE rtrim(rtrim(printf('%.6f', ");
    use(e, sql, params);
    sql.append("), '0'), '.') END END");
  }

  private static void numberOf(Sources.Expr e, StringBuilder sql, List<Object> params) {
    if (e.numeric()) {
      sql.append("CASE WHEN isfinite(");
      use(e, sql, params);
      sql.append(") THEN ");
      use(e, sql, params);
      sql.append(" END");
      return;
    }
    sql.append("CASE WHEN regexp_full_match(");
    use(e, sql, params);
    sql.append(", '" + TextRules.NUMBER_REGEX + "') AND isfinite(TRY_CAST(");
    use(e, sql, params);
    sql.append(" AS DOUBLE)) THEN TRY_CAST(");
    use(e, sql, params);
    sql.append(" AS DOUBLE) END");
  }

  private static void use(Sources.Expr e, StringBuilder sql, List<Object> params) {
    sql.append(e.sql());
    params.addAll(e.params());
  }
}
