package dev.tracehouse.query.plan;

import dev.tracehouse.query.lang.Query;
import dev.tracehouse.query.lang.QueryParseException;
import dev.tracehouse.query.lang.Value;
import java.util.List;

/**
 * Spans: reserved fields are columns ({@code service}, {@code resource_name}/{@code resource},
 * {@code operation_name}/{@code name}, {@code type}), the computed {@code status}, and meta tags
 * ({@code env}, {@code version}, {@code host} = {@code _dd.hostname}); other bare keys are meta
 * tags, case-insensitive; {@code @path} is the meta or metric with that flat key, case-sensitive;
 * {@code @duration} is the span duration in ns. Free text searches the resource and {@code
 * error.message}.
 */
public final class SpanPlanner extends Planner {

  @Override
  Plan term(Query.Key key, Value value) {
    if (!key.attribute() && key.name().equals("trace_id")) {
      return traceId(value, new Plan.All());
    }
    if (!key.attribute() && key.name().equals("span_id")) {
      return spanId(value);
    }
    List<Source> sources = sources(key);
    return sources.size() == 1
        ? test(sources.get(0), value)
        : either(sources.get(0), sources.get(1), value);
  }

  /**
   * What a key other than {@code trace_id}/{@code span_id} reads on a span: one source, or for an
   * {@code @attribute} its meta (string) then its metric (number). Analytics groups and measures
   * read the same sources, so a facet means what the same key means in a search.
   */
  public static List<Source> sources(Query.Key key) {
    if (key.attribute()) {
      return key.name().equals("duration")
          ? List.of(new Source.Duration())
          : List.of(new Source.Meta(key.name(), false), new Source.Metric(key.name()));
    }
    return List.of(
        switch (key.name()) {
          case "service" -> new Source.Column("service", true);
          case "resource_name", "resource" -> new Source.Column("resource", false);
          case "operation_name", "name" -> new Source.Column("name", true);
          case "type" -> new Source.Column("type", true);
          case "status" -> new Source.SpanStatus();
          case "env", "version" -> new Source.Meta(key.name(), true);
          case "host" -> new Source.Meta("_dd.hostname", true);
          default -> new Source.Meta(key.name(), true);
        });
  }

  @Override
  Plan freeText(Value.Match value) {
    return freeTextOn(
        value, new Source.Column("resource", false), new Source.Meta("error.message", false));
  }

  @Override
  Plan fullText(Query.FullText text) {
    throw new QueryParseException("'*:' full-text search is only for logs", text.offset());
  }

  @Override
  Plan cidr(Query.Cidr cidr) {
    throw new QueryParseException("CIDR() is only for logs", cidr.offset());
  }
}
