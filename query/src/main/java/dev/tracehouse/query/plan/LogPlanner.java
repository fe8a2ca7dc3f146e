package dev.tracehouse.query.plan;

import dev.tracehouse.query.lang.Query;
import dev.tracehouse.query.lang.Value;
import java.util.Map;

/**
 * Logs: reserved fields are columns ({@code service}, {@code status} with its aliases, {@code
 * host}, {@code source}), {@code env} and {@code version} are tags, {@code trace_id} the correlated
 * trace; {@code tags:X} is a raw tag; other bare keys are tag keys; {@code @path} the flattened
 * attribute (strings and numbers). Free text searches the message; {@code *:} the message and every
 * string attribute.
 */
public final class LogPlanner extends Planner {

  /** Query spellings of statuses and the stored value (spec 2.10). */
  private static final Map<String, String> STATUS_ALIASES =
      Map.of(
          "emergency", "emerg",
          "crit", "critical",
          "err", "error",
          "warning", "warn",
          "information", "info");

  @Override
  Plan term(Query.Key key, Value value) {
    if (key.attribute()) {
      return either(new Source.AttrStrings(key.name()), new Source.AttrNumbers(key.name()), value);
    }
    return switch (key.name()) {
      case "service", "host", "source" -> test(new Source.Column(key.name(), true), value);
      case "status" -> {
        Source status = new Source.Column("status", true);
        yield new Plan.Test(status, check(status, value, aliases(STATUS_ALIASES)));
      }
      case "trace_id" -> traceId(value, new Plan.HasTraceId());
      case "tags" -> test(new Source.RawTags(), value);
      default -> test(new Source.TagValues(key.name()), value);
    };
  }

  @Override
  Plan freeText(Value.Match value) {
    return freeTextOn(value, new Source.Column("message", true));
  }

  @Override
  Plan fullText(Query.FullText text) {
    return freeTextOn(
        text.value(), new Source.Column("message", true), new Source.AllAttrStrings());
  }

  @Override
  Plan cidr(Query.Cidr cidr) {
    return new Plan.Test(new Source.AttrIps(cidr.path()), new Check.InRanges(cidr.blocks()));
  }
}
