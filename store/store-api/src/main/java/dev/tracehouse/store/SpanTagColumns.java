package dev.tracehouse.store;

import java.util.List;
import java.util.Optional;

/**
 * The span tags that the logical schema of {@link EventFilter} also has as columns of their own:
 * the reserved facets ({@code env}, {@code version}, {@code _dd.hostname} for {@code host}) and the
 * most searched HTTP tags. Each column holds the meta value of its key, or NULL when the span has
 * no such meta, so {@code tag_env} means exactly {@code json_extract_string(meta, '$."env"')}; a
 * SQL compiler reads the column instead of parsing the JSON, which is what makes these searches
 * fast (ADR 017).
 */
public final class SpanTagColumns {

  /**
   * One typed tag.
   *
   * @param key the meta key
   * @param column the column of the logical schema (a constant, safe to write into SQL)
   */
  public record Column(String key, String column) {}

  /** Every typed tag, in the order of their columns. */
  public static final List<Column> ALL =
      List.of(
          new Column("env", "tag_env"),
          new Column("version", "tag_version"),
          new Column("_dd.hostname", "tag_hostname"),
          new Column("http.method", "tag_http_method"),
          new Column("http.status_code", "tag_http_status_code"));

  private SpanTagColumns() {}

  /** The column that holds meta {@code key}, if it has one. */
  public static Optional<String> of(String key) {
    for (Column c : ALL) {
      if (c.key().equals(key)) {
        return Optional.of(c.column());
      }
    }
    return Optional.empty();
  }
}
