package dev.tracehouse.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The span tags that the logical schema of {@link EventFilter} has as columns of their own: the
 * reserved facets ({@code env}, {@code version}, {@code _dd.hostname} for {@code host}), the most
 * searched HTTP tags, and {@code span.kind} and {@code component}, on nearly every span (ADR 017
 * says what they save on disk). Each column holds the meta value of its key, or NULL when the span
 * has no such meta. A SQL compiler must read the column for these keys, never the {@code meta}
 * JSON: a store may keep them only in their columns (the DuckDB store does, to save disk) and puts
 * them back into the meta of the spans it reads (ADR 017).
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
          new Column("http.status_code", "tag_http_status_code"),
          new Column("span.kind", "tag_span_kind"),
          new Column("component", "tag_component"));

  /** The meta keys of {@link #ALL}. */
  public static final Set<String> KEYS =
      ALL.stream().map(Column::key).collect(Collectors.toUnmodifiableSet());

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
