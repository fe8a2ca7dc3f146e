package dev.tracehouse.query.eval;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.query.plan.Source;
import dev.tracehouse.store.FlatAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A log's values: columns, tags and the {@link FlatAttributes} (flattened once, on first use), the
 * same flattening SQL stores keep in their {@code attr_*} columns.
 */
public final class LogRow implements Row {

  private final LogEvent log;
  private FlatAttributes flat;

  public LogRow(LogEvent log) {
    this.log = log;
  }

  @Override
  public List<String> strings(Source source) {
    if (source instanceof Source.Column c) {
      String value =
          switch (c.column()) {
            case "service" -> log.service();
            case "status" -> log.status();
            case "host" -> log.host();
            case "source" -> log.source();
            case "message" -> log.message();
            default -> throw new IllegalArgumentException("not a log column: " + c.column());
          };
      return value.isEmpty() ? List.of() : List.of(value);
    }
    if (source instanceof Source.TagValues t) {
      String prefix = t.key() + ":";
      return log.tags().stream()
          .filter(tag -> tag.startsWith(prefix))
          .map(tag -> tag.substring(prefix.length()))
          .toList();
    }
    if (source instanceof Source.RawTags) {
      return log.tags();
    }
    if (source instanceof Source.AttrStrings a) {
      return flat().strings().getOrDefault(a.path(), List.of());
    }
    if (source instanceof Source.AttrIps a) {
      return flat().ips().getOrDefault(a.path(), List.of());
    }
    if (source instanceof Source.AllAttrStrings) {
      List<String> all = new ArrayList<>();
      flat().strings().values().forEach(all::addAll);
      return all;
    }
    return List.of();
  }

  @Override
  public List<Double> numbers(Source source) {
    if (source instanceof Source.AttrNumbers a) {
      return flat().numbers().getOrDefault(a.path(), List.of());
    }
    return List.of();
  }

  @Override
  public Optional<TraceId> traceId() {
    return log.traceId();
  }

  @Override
  public long spanId() {
    return log.spanId();
  }

  private FlatAttributes flat() {
    if (flat == null) {
      flat = FlatAttributes.of(log);
    }
    return flat;
  }
}
