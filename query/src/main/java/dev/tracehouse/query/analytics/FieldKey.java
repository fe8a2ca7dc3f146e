package dev.tracehouse.query.analytics;

import dev.tracehouse.model.Span;
import dev.tracehouse.store.GroupKey;
import dev.tracehouse.store.SqlDialect;
import dev.tracehouse.store.SqlExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups spans by the text of a field; spans without it go to the {@code missing} group when there
 * is one, else to no group.
 */
record FieldKey(Field field, Optional<String> missing) implements GroupKey<Span> {

  @Override
  public String of(Span span) {
    String text = field.text(span);
    return text != null ? text : missing.orElse(null);
  }

  @Override
  public SqlExpression toSql(SqlDialect dialect) {
    SqlExpression text = field.textSql();
    if (missing.isEmpty()) {
      return text;
    }
    List<Object> params = new ArrayList<>(text.params());
    params.add(missing.get());
    return new SqlExpression("coalesce(" + text.sql() + ", ?)", params);
  }
}
