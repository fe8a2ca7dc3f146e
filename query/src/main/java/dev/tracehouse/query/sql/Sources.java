package dev.tracehouse.query.sql;

import dev.tracehouse.query.plan.Source;
import dev.tracehouse.store.SpanTagColumns;
import java.util.List;
import java.util.Set;

/**
 * The DuckDB expression of each {@link Source} over the logical schemas. A span meta with a typed
 * column ({@link SpanTagColumns}) reads the column: a store may leave it out of the JSON.
 */
final class Sources {

  /** Columns the planners may name; anything else is a bug, refused before it reaches SQL. */
  private static final Set<String> COLUMNS =
      Set.of("service", "name", "resource", "type", "status", "host", "source", "message");

  /**
   * An expression: a scalar (possibly NULL) or a list of values, of strings or of doubles.
   *
   * @param sql the expression
   * @param params the values of its placeholders
   * @param list whether it is a list (checks apply to any element)
   * @param numeric whether its values are DOUBLE
   */
  record Expr(String sql, List<Object> params, boolean list, boolean numeric) {}

  private Sources() {}

  /** The expression of {@code source}. */
  static Expr of(Source source) {
    if (source instanceof Source.Column c) {
      if (!COLUMNS.contains(c.column())) {
        throw new IllegalArgumentException("unknown column " + c.column());
      }
      return new Expr("nullif(" + c.column() + ", '')", List.of(), false, false);
    }
    if (source instanceof Source.SpanStatus) {
      return new Expr("(CASE WHEN error THEN 'error' ELSE 'ok' END)", List.of(), false, false);
    }
    if (source instanceof Source.Meta m) {
      return SpanTagColumns.of(m.key())
          .map(column -> new Expr(column, List.of(), false, false))
          .orElseGet(
              () ->
                  new Expr(
                      "json_extract_string(meta, ?)", List.of(pointer(m.key())), false, false));
    }
    if (source instanceof Source.Metric m) {
      return new Expr(
          "TRY_CAST(json_extract(metrics, ?) AS DOUBLE)", List.of(pointer(m.key())), false, true);
    }
    if (source instanceof Source.Duration) {
      return new Expr("CAST(duration_ns AS DOUBLE)", List.of(), false, true);
    }
    if (source instanceof Source.TagValues t) {
      String prefix = t.key() + ":";
      return new Expr(
          "list_transform(list_filter(tags, _t -> starts_with(_t, ?)), _t -> substr(_t, ?))",
          List.of(prefix, (long) prefix.codePointCount(0, prefix.length()) + 1),
          true,
          false);
    }
    if (source instanceof Source.RawTags) {
      return new Expr("tags", List.of(), true, false);
    }
    if (source instanceof Source.AttrStrings a) {
      return attribute("attr_str", a.path(), "VARCHAR");
    }
    if (source instanceof Source.AttrNumbers a) {
      return attribute("attr_num", a.path(), "DOUBLE");
    }
    if (source instanceof Source.AttrIps a) {
      return attribute("attr_ip", a.path(), "VARCHAR");
    }
    return new Expr("CAST(json_extract(attr_str, '$.*[*]') AS VARCHAR[])", List.of(), true, false);
  }

  private static Expr attribute(String column, String path, String type) {
    return new Expr(
        "CAST(json_extract(" + column + ", ?) AS " + type + "[])",
        List.of(pointer(path)),
        true,
        type.equals("DOUBLE"));
  }

  /** The JSON pointer of one object key: {@code /} then the key with {@code ~ /} escaped. */
  static String pointer(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }
}
