package dev.tracehouse.query.plan;

import dev.tracehouse.query.lang.Query;
import dev.tracehouse.query.lang.QueryParseException;
import dev.tracehouse.query.lang.Value;

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
    if (key.attribute()) {
      return key.name().equals("duration")
          ? test(new Source.Duration(), value)
          : either(new Source.Meta(key.name(), false), new Source.Metric(key.name()), value);
    }
    return switch (key.name()) {
      case "service" -> test(new Source.Column("service", true), value);
      case "resource_name", "resource" -> test(new Source.Column("resource", false), value);
      case "operation_name", "name" -> test(new Source.Column("name", true), value);
      case "type" -> test(new Source.Column("type", true), value);
      case "status" -> test(new Source.SpanStatus(), value);
      case "env", "version" -> test(new Source.Meta(key.name(), true), value);
      case "host" -> test(new Source.Meta("_dd.hostname", true), value);
      case "trace_id" -> traceId(value, new Plan.All());
      case "span_id" -> spanId(value);
      default -> test(new Source.Meta(key.name(), true), value);
    };
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
